// any.convert_extern / extern.convert_any. Host values stay HostRefs in both hierarchies (an
// anyref holding a host value matches only `any`); internal references cross into extern in
// an ExternBox, unwrapped on the way back, so identity survives a round trip.

import { HostRef } from '../objects.js';
import type { Ref } from '../objects.js';
import { ExternBox } from './objects.js';

export function externToAny(r: Ref): Ref {
  if (r instanceof ExternBox) return r.inner;
  return r;
}

export function anyToExtern(r: Ref): Ref {
  if (r === null || r instanceof HostRef) return r;
  return new ExternBox(r);
}
