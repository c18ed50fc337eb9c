/* A CoreMark-style mix (our own code, same spirit): linked-list processing,
 * small int16 matrix kernels and a character-driven state machine, all folded
 * into a CRC-16. Pointer chasing, short loops, switch dispatch, 16-bit arithmetic. */
#include "bench.h"

BENCH_PARAM(core_iterations, 600);

/* ---- CRC-16 (CCITT, bitwise) used to fold every result ---- */
static uint16_t crc16(uint16_t crc, uint32_t value, int bytes) {
  for (int b = 0; b < bytes; b++) {
    crc ^= (uint16_t)((value >> (8 * b)) & 0xff) << 8;
    for (int i = 0; i < 8; i++) crc = (crc & 0x8000) ? (uint16_t)((crc << 1) ^ 0x1021) : (uint16_t)(crc << 1);
  }
  return crc;
}

/* ---- linked list ---- */
#define LIST_SIZE 256
struct node { struct node *next; int16_t data; int16_t index; };
static struct node nodes[LIST_SIZE];

static struct node *list_build(uint32_t seed) {
  for (int i = 0; i < LIST_SIZE; i++) {
    seed = seed * 1664525u + 1013904223u;
    nodes[i].data = (int16_t)(seed >> 17);
    nodes[i].index = (int16_t)i;
    nodes[i].next = i + 1 < LIST_SIZE ? &nodes[i + 1] : 0;
  }
  return &nodes[0];
}

static struct node *list_reverse(struct node *head) {
  struct node *prev = 0;
  while (head) { struct node *next = head->next; head->next = prev; prev = head; head = next; }
  return prev;
}

static struct node *list_find(struct node *head, int16_t data) {
  while (head && (head->data & 0xff) != (data & 0xff)) head = head->next;
  return head;
}

/* Bottom-up merge sort on the list, by data or by index. */
static int node_less(const struct node *a, const struct node *b, int by_index) {
  return by_index ? a->index < b->index : a->data < b->data;
}

static struct node *list_sort(struct node *list, int by_index) {
  for (int width = 1;; width *= 2) {
    struct node *p = list, *tail = 0, *result = 0;
    int merges = 0;
    while (p) {
      merges++;
      struct node *q = p;
      int psize = 0;
      for (int i = 0; i < width && q; i++) { psize++; q = q->next; }
      int qsize = width;
      while (psize > 0 || (qsize > 0 && q)) {
        struct node *e;
        if (psize == 0) { e = q; q = q->next; qsize--; }
        else if (qsize == 0 || !q || !node_less(q, p, by_index)) { e = p; p = p->next; psize--; }
        else { e = q; q = q->next; qsize--; }
        if (tail) tail->next = e; else result = e;
        tail = e;
      }
      p = q;
    }
    tail->next = 0;
    list = result;
    if (merges <= 1) return list;
  }
}

static uint16_t bench_list(uint16_t crc, uint32_t seed) {
  struct node *head = list_build(seed);
  for (int i = 0; i < 32; i++) {
    struct node *hit = list_find(head, (int16_t)(i * 37));
    crc = crc16(crc, hit ? (uint32_t)hit->index : 0xffffu, 2);
  }
  head = list_reverse(head);
  head = list_sort(head, 0);
  for (struct node *n = head; n; n = n->next) crc = crc16(crc, (uint16_t)n->data, 1);
  head = list_sort(head, 1);
  crc = crc16(crc, (uint16_t)head->data, 2);
  return crc;
}

/* ---- matrix ---- */
#define MAT 24
static int16_t ma[MAT * MAT], mb[MAT * MAT];
static int32_t mc[MAT * MAT];

static uint16_t bench_matrix(uint16_t crc, uint32_t seed) {
  for (int i = 0; i < MAT * MAT; i++) {
    seed = seed * 1103515245u + 12345u;
    ma[i] = (int16_t)((seed >> 16) & 0x3ff);
    mb[i] = (int16_t)((seed >> 6) & 0x3ff) - 512;
  }
  for (int i = 0; i < MAT * MAT; i++) ma[i] += 7; /* add constant */
  for (int i = 0; i < MAT * MAT; i++) mc[i] = ma[i] * 3; /* multiply by constant */
  int32_t acc = 0;
  for (int i = 0; i < MAT; i++) { /* matrix times vector */
    int32_t s = 0;
    for (int j = 0; j < MAT; j++) s += ma[i * MAT + j] * mb[j];
    acc += s;
  }
  for (int i = 0; i < MAT; i++) /* matrix times matrix */
    for (int j = 0; j < MAT; j++) {
      int32_t s = 0;
      for (int k = 0; k < MAT; k++) s += ma[i * MAT + k] * mb[k * MAT + j];
      mc[i * MAT + j] = s;
    }
  for (int i = 0; i < MAT * MAT; i++) acc += (mc[i] >> 2) & 0xf0f; /* bit extraction */
  crc = crc16(crc, (uint32_t)acc, 4);
  return crc16(crc, (uint32_t)mc[MAT * MAT - 1], 4);
}

/* ---- state machine over a numeric text ---- */
enum state { START, INT, S1, FLOAT, EXP, S2, SCI, INVALID, NUM_STATES };
#define TEXT_SIZE 512
static char text[TEXT_SIZE];

static void text_build(uint32_t seed) {
  static const char *const pieces[] = {"5012", "1.23", "-874", "+122", "1.2e3", "-.5", "7e-2",
                                       "x3",   "00",   "3.",   "+e1",  "-10.55E+8"};
  int pos = 0;
  while (pos < TEXT_SIZE - 12) {
    seed = seed * 1664525u + 1013904223u;
    const char *p = pieces[(seed >> 16) % 12];
    while (*p) text[pos++] = *p++;
    text[pos++] = ',';
  }
  text[pos] = 0;
}

static int is_digit(char c) { return c >= '0' && c <= '9'; }

static uint16_t bench_state(uint16_t crc) {
  uint32_t final_counts[NUM_STATES] = {0}, transitions = 0;
  const char *p = text;
  while (*p) {
    enum state s = START;
    for (; *p && *p != ','; p++) {
      char c = *p;
      enum state next = s;
      switch (s) {
        case START: next = is_digit(c) ? INT : (c == '+' || c == '-') ? S1 : c == '.' ? FLOAT : INVALID; break;
        case S1: next = is_digit(c) ? INT : c == '.' ? FLOAT : INVALID; break;
        case INT: next = is_digit(c) ? INT : c == '.' ? FLOAT : (c == 'e' || c == 'E') ? S2 : INVALID; break;
        case FLOAT: next = is_digit(c) ? FLOAT : (c == 'e' || c == 'E') ? S2 : INVALID; break;
        case S2: next = (c == '+' || c == '-') ? EXP : is_digit(c) ? SCI : INVALID; break;
        case EXP: next = is_digit(c) ? SCI : INVALID; break;
        case SCI: next = is_digit(c) ? SCI : INVALID; break;
        default: next = INVALID; break;
      }
      if (next != s) transitions++;
      s = next;
    }
    final_counts[s]++;
    if (*p) p++;
  }
  for (int i = 0; i < NUM_STATES; i++) crc = crc16(crc, final_counts[i], 2);
  return crc16(crc, transitions, 4);
}

BENCH_RUN {
  uint16_t crc = 0;
  for (int32_t it = 0; it < core_iterations; it++) {
    uint32_t seed = 0x1234u + (uint32_t)it * 7919u;
    crc = bench_list(crc, seed);
    crc = bench_matrix(crc, seed);
    text_build(seed);
    crc = bench_state(crc);
  }
  return crc;
}
