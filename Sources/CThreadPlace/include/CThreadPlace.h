#ifndef REDLINE_CTHREADPLACE_H
#define REDLINE_CTHREADPLACE_H

/// The calling thread's kernel thread id.
int redline_thread_id(void);

/// Lets thread `tid` (of this process) run on every processor this process may use except
/// the one the calling thread runs on now; does nothing when that would leave none (one
/// processor) or the calling thread's processor cannot be told. 0 on success or when
/// nothing was done, -1 when the kernel refused.
int redline_keep_off_this_cpu(int tid);

/// Lets thread `tid` (of this process) run on every processor the calling thread may use.
/// 0 on success, -1 when the kernel refused.
int redline_allow_my_cpus(int tid);

#endif
