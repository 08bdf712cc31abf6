# make bench: what fork costs in each fork mode, measured in forklab (under
# QEMU) and on the host's Linux by user/forkbench/; scripts/bench.sh runs
# both, then forklab again with threads on other CPUs (the TLB shootdown),
# and writes $(BUILD)/bench/: the CSV files, results.md and the plots.
#
#   make bench                     TCG, sizes 16 MiB to 2 GiB, about 10 min
#   make bench BENCH_ICOUNT=1      deterministic: counts instructions, slower
#   make bench ACCEL=kvm           under KVM
#
# BENCH_MEM (guest memory, 6G), BENCH_MAX (largest size, MiB),
# BENCH_COPY_MAX (copy mode's largest), BENCH_THREADS (the most threads on
# other CPUs, 4) and BENCH_TIMEOUT are passed on from
# make's command line or the environment; scripts/bench.sh says more.
# Included by the Makefile, after KERNEL and ROOT are defined.

.PHONY: bench
bench: $(KERNEL) $(ROOT)
	@BUILD=$(BUILD) ACCEL=$(ACCEL) SMP=$(SMP) scripts/bench.sh
