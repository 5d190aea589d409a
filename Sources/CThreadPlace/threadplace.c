#define _GNU_SOURCE
#include "CThreadPlace.h"

#include <sched.h>
#include <sys/syscall.h>
#include <unistd.h>

int redline_thread_id(void) { return (int)syscall(SYS_gettid); }

// The processors the process may use: its main thread's set (the thread id of the main
// thread is the process id), which Redline never narrows.
static int processSet(cpu_set_t *set) { return sched_getaffinity(getpid(), sizeof *set, set); }

int redline_usable_cpus(void) {
  cpu_set_t set;
  if (processSet(&set) == 0) return CPU_COUNT(&set);
  long n = sysconf(_SC_NPROCESSORS_ONLN);
  return n > 0 ? (int)n : 1;
}

int redline_keep_off_this_cpu(int tid) {
  cpu_set_t allowed;
  if (processSet(&allowed) != 0) return 0;
  int here = sched_getcpu();
  if (here < 0 || !CPU_ISSET(here, &allowed) || CPU_COUNT(&allowed) < 2) return 0;
  CPU_CLR(here, &allowed);
  return sched_setaffinity(tid, sizeof allowed, &allowed) == 0 ? 0 : -1;
}

int redline_allow_all_cpus(int tid) {
  cpu_set_t allowed;
  if (processSet(&allowed) != 0) return -1;
  return sched_setaffinity(tid, sizeof allowed, &allowed) == 0 ? 0 : -1;
}
