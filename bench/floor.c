/* The read-and-hash-lines floor: read both files, split lines, FNV-1a hash and intern
   each line to an integer id. The least a line- or paragraph-first diff must do. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stdint.h>

static char *slurp(const char *path, size_t *n) {
  FILE *f = fopen(path, "rb");
  if (!f) { perror(path); exit(2); }
  fseek(f, 0, SEEK_END); *n = (size_t)ftell(f); fseek(f, 0, SEEK_SET);
  char *b = malloc(*n + 1);
  if (fread(b, 1, *n, f) != *n) { perror(path); exit(2); }
  fclose(f);
  return b;
}

int main(int argc, char **argv) {
  if (argc != 3) { fprintf(stderr, "usage: floor OLD NEW\n"); return 2; }
  size_t cap = 1 << 20, used = 0;
  uint64_t *keys = calloc(cap, sizeof *keys);
  unsigned long ids = 0;
  for (int a = 1; a <= 2; a++) {
    size_t n; char *b = slurp(argv[a], &n);
    size_t s = 0;
    for (size_t i = 0; i <= n; i++) {
      if (i == n || b[i] == '\n') {
        uint64_t h = 1469598103934665603ULL;
        for (size_t k = s; k < i; k++) h = (h ^ (unsigned char)b[k]) * 1099511628211ULL;
        if (!h) h = 1;
        size_t slot = h & (cap - 1);
        while (keys[slot] && keys[slot] != h) slot = (slot + 1) & (cap - 1);
        if (!keys[slot]) { keys[slot] = h; used++; ids++; }
        s = i + 1;
      }
    }
    free(b);
  }
  printf("%lu\n", ids);
  return used == 0;
}
