// Files mapped for reading (`SafeRead`), and the answer to a file that shrinks while mapped.
#include "CFileMap.h"

#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdint.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

enum { slots = 64, messageSize = 512 };

// A slot is in use while `starts[i]` is not 0; the handler reads only these atomics and
// the slot's message, written before its start is published.
static _Atomic(uintptr_t) starts[slots];
static _Atomic(uintptr_t) ends[slots];
static char messages[slots][messageSize];
static size_t lengths[slots];
// Taken to map, unmap and install, and across a `fork`; never by the handler.
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static int installed;
static struct sigaction previous;


static void onBusError(int sig, siginfo_t *info, void *context) {
  // Only a fault the kernel raised (si_code > 0) is a read past a mapped file's end; a
  // SIGBUS sent by `kill` (si_code <= 0) is not.
  if (info != NULL && info->si_code > 0) {
    uintptr_t at = (uintptr_t)info->si_addr;
    for (int i = 0; i < slots; i++) {
      uintptr_t start = atomic_load(&starts[i]);
      if (start != 0 && at >= start && at < atomic_load(&ends[i])) {
        ssize_t ignored = write(STDERR_FILENO, messages[i], lengths[i]);
        (void)ignored;
        _exit(2);
      }
    }
  }
  // Not a mapped file's: what was there before answers it (the Swift runtime's crash
  // report); a sent signal that was ignored stays ignored; else the default action, raised
  // again so that a sent signal is not lost.
  int sent = info == NULL || info->si_code <= 0;
  if ((previous.sa_flags & SA_SIGINFO) && previous.sa_sigaction != NULL && previous.sa_sigaction != onBusError) {
    previous.sa_sigaction(sig, info, context);
  } else if (!(previous.sa_flags & SA_SIGINFO) && previous.sa_handler == SIG_IGN && sent) {
    return;
  } else if (!(previous.sa_flags & SA_SIGINFO) && previous.sa_handler != SIG_DFL && previous.sa_handler != SIG_IGN) {
    previous.sa_handler(sig);
  } else {
    signal(sig, SIG_DFL);
    raise(sig);
  }
}

// A fork waits until no thread is mapping, unmapping or installing, so the child gets
// the tables, `installed` and `previous` whole, and a free lock.
static void lockForFork(void) { pthread_mutex_lock(&lock); }
static void unlockAfterFork(void) { pthread_mutex_unlock(&lock); }

// Registered as the program starts, before any thread can hold `lock`.
__attribute__((constructor)) static void registerForFork(void) {
  pthread_atfork(lockForFork, unlockAfterFork, unlockAfterFork);
}

// Remembers `p` (`length` bytes) in `slot` with its message: its start last, so the
// handler never sees a slot half filled.
static void publish(int slot, void *p, size_t length, const char *message) {
  size_t n = strlen(message);
  if (n > messageSize - 2) n = messageSize - 2;
  memcpy(messages[slot], message, n);
  messages[slot][n] = '\n';
  lengths[slot] = n + 1;
  atomic_store(&ends[slot], (uintptr_t)p + length);
  atomic_store(&starts[slot], (uintptr_t)p);
}

// Under `lock`: the handler, once; the handler found already in place is never its own
// `previous`.
static void install(void) {
  if (installed) return;
  installed = 1;
  struct sigaction current;
  sigaction(SIGBUS, NULL, &current);
  if ((current.sa_flags & SA_SIGINFO) && current.sa_sigaction == onBusError) return;
  struct sigaction action;
  memset(&action, 0, sizeof action);
  action.sa_sigaction = onBusError;
  action.sa_flags = SA_SIGINFO | SA_ONSTACK;
  sigemptyset(&action.sa_mask);
  sigaction(SIGBUS, &action, &previous);
}

void *redline_map_file(int fd, size_t length, const char *message) {
  if (length == 0) return NULL;
  pthread_mutex_lock(&lock);
  install();
  int slot = -1;
  for (int i = 0; i < slots && slot < 0; i++) {
    if (atomic_load(&starts[i]) == 0) slot = i;
  }
  void *p = slot < 0 ? MAP_FAILED : mmap(NULL, length, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);
  if (p != MAP_FAILED) publish(slot, p, length, message);
  pthread_mutex_unlock(&lock);
  return p == MAP_FAILED ? NULL : p;
}

void redline_unmap_file(void *address, size_t length) {
  pthread_mutex_lock(&lock);
  for (int i = 0; i < slots; i++) {
    if (atomic_load(&starts[i]) == (uintptr_t)address) atomic_store(&starts[i], 0);
  }
  pthread_mutex_unlock(&lock);
  munmap(address, length);
}
