// Types of tools/pair-cases.mjs for the TypeScript test that imports it.
export function thenPairs(opsSrc: string): [string, string, string][];
export function caseBody(src: string, name: string): string;
export function pairBody(src: string, first: string): string;
export function pairCases(src: string, opsSrc: string): { start: number; end: number; text: string; firsts: string[] }[];
