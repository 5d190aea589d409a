#define _GNU_SOURCE
#include "CThreadPlace.h"

#include <sched.h>
#include <sys/syscall.h>
#include <unistd.h>

int redline_thread_id(void) { return (int)syscall(SYS_gettid); }

int redline_keep_off_this_cpu(int tid) {
  cpu_set_t allowed;
  if (sched_getaffinity(0, sizeof allowed, &allowed) != 0) return 0;
  int here = sched_getcpu();
  if (here < 0 || !CPU_ISSET(here, &allowed) || CPU_COUNT(&allowed) < 2) return 0;
  CPU_CLR(here, &allowed);
  return sched_setaffinity(tid, sizeof allowed, &allowed) == 0 ? 0 : -1;
}

int redline_allow_my_cpus(int tid) {
  cpu_set_t allowed;
  if (sched_getaffinity(0, sizeof allowed, &allowed) != 0) return -1;
  return sched_setaffinity(tid, sizeof allowed, &allowed) == 0 ? 0 : -1;
}
