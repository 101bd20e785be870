// SPDX-License-Identifier: GPL-2.0-only
/*
 * remap_race SECONDS: a page of shared anonymous memory unmapped and mapped
 * again, every 0-2 ms, while two threads have the kernel write into it
 * (getrandom()).  No Xen device, no privilege, nothing of xprivcmd's: what
 * the fuzzer's racer does to a hypercall buffer, without the hypercalls.
 * It brought down a PVH dom0 under Xen 4.17 on QEMU's emulated SVM (see
 * README, "Under a debug kernel"); testing/vm/remap-race.sh boots it.
 */
#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <sys/random.h>
#include <time.h>
#include <unistd.h>

#define PAGE		4096
#define WORKERS		2

static _Atomic(unsigned long) cur;	/* the page, 0 while it is replaced */
static atomic_bool stop;
static _Atomic(unsigned long) calls;

static void *worker(void *arg)
{
	unsigned long v, n = 0;

	(void)arg;
	while (!atomic_load(&stop)) {
		v = atomic_load(&cur);
		if (!v)
			continue;
		/* EFAULT when the page has just gone: an outcome like another. */
		(void)!getrandom((void *)(v + (n % 64) * 32), 32, 0);
		n++;
	}
	atomic_fetch_add(&calls, n);
	return NULL;
}

int main(int argc, char **argv)
{
	unsigned long swaps = 0;
	unsigned int seed = 1;
	pthread_t w[WORKERS];
	time_t end;
	void *p;
	int i;

	if (argc != 2) {
		fprintf(stderr, "usage: %s SECONDS\n", argv[0]);
		return 2;
	}
	for (i = 0; i < WORKERS; i++)
		if (pthread_create(&w[i], NULL, worker, NULL))
			return 1;
	end = time(NULL) + atoi(argv[1]);
	while (time(NULL) < end) {
		p = (void *)atomic_exchange(&cur, 0);
		if (p)
			munmap(p, PAGE);
		p = mmap(NULL, PAGE, PROT_READ | PROT_WRITE,
			 MAP_SHARED | MAP_ANONYMOUS, -1, 0);
		if (p != MAP_FAILED) {
			*(char *)p = 1;	/* a page behind it before the workers write */
			atomic_store(&cur, (unsigned long)p);
		}
		swaps++;
		usleep(rand_r(&seed) % 2000);
	}
	atomic_store(&stop, true);
	for (i = 0; i < WORKERS; i++)
		pthread_join(w[i], NULL);
	printf("remap_race: %lu calls, %lu pages replaced\n", atomic_load(&calls), swaps);
	return 0;
}
