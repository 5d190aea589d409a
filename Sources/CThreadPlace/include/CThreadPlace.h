#ifndef REDLINE_CTHREADPLACE_H
#define REDLINE_CTHREADPLACE_H

/// The calling thread's kernel thread id.
int redline_thread_id(void);

/// How many processors this process may run on (its main thread's affinity: `taskset`,
/// a cgroup's cpuset), or the online processors when that cannot be read.
int redline_usable_cpus(void);

/// Lets thread `tid` (of this process) run on every processor the process may use except
/// the one the calling thread runs on now; does nothing when that would leave none, or
/// when the calling thread's processor cannot be told. 0 on success or when nothing was
/// done, -1 when the kernel refused.
int redline_keep_off_this_cpu(int tid);

/// Lets thread `tid` (of this process) run on every processor the process may use.
/// 0 on success, -1 when the kernel refused.
int redline_allow_all_cpus(int tid);

#endif
