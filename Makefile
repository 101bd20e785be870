# SPDX-License-Identifier: GPL-2.0-only
#
# Developer and install entry points.  The module's objects are listed in
# Kbuild only.

KERNELRELEASE ?= $(shell uname -r)
KDIR ?= /lib/modules/$(KERNELRELEASE)/build
BUILD ?= $(CURDIR)/build
# Staging root for packaging (make install DESTDIR=...), and the prefix of
# the UAPI header's installed path.
DESTDIR ?=
PREFIX ?= /usr
# One place holds the version: dkms.conf.
VERSION := $(shell sed -n 's/^PACKAGE_VERSION="\(.*\)"$$/\1/p' $(CURDIR)/dkms.conf)
# What DKMS needs to build and install the module, and nothing else (no
# objects of an earlier build).  The VM tests build from exactly this list.
DKMS_SOURCES = Kbuild Makefile dkms.conf $(shell find module include packaging \
	-name '*.[ch]' -o -name Kbuild.include -o -name '*.conf')
DKMS_SRC := $(DESTDIR)/usr/src/xprivcmd-$(VERSION)
DKMS_ID := xprivcmd/$(VERSION)

.PHONY: all module hcall selftests unit check check-debug demo bench fuzz lab checkpatch \
	sparse clean install modules_install headers_install hcall_install man_install \
	dkms-src dkms-install dkms-uninstall install-side-by-side install-drop-in \
	uninstall-drop-in install-group-access uninstall-group-access

all: module hcall selftests

module:
	$(MAKE) -C $(KDIR) M=$(CURDIR) W=1 modules

hcall:
	$(MAKE) -C tools/hcall

selftests:
	$(MAKE) -C selftests

# Host unit tests of pure logic (schema, UAPI layout); no hypervisor needed.
unit:
	$(MAKE) -C testing/unit run

# The whole test suite: static checks, unit tests, then the module against a
# real Xen booted in QEMU, on every kernel of the matrix or on KERNELS (e.g.
# "make check KERNELS=6.12").  Installs what it needs with apt on Debian 12.
check:
	KERNELS="$(KERNELS)" testing/vm/check.sh

# The VM suite (selftests, the race, fuzz and toolstack boots) under the
# debug kernel: Debian 12's 6.1 with KASAN, kmemleak, lockdep and more, as a
# PVH dom0 (testing/vm/lib/debugkernel.sh).  Builds that kernel the first
# time, which takes an hour or more on two cores; its boots are several
# times slower than a stock kernel's, hence the longer timeout.
check-debug:
	KERNELS=debug-pvh-6.1 XPC_TIMEOUT=3600 testing/vm/check.sh

# The main job: build, boot Xen in QEMU, issue hypercalls from user space.
demo:
	testing/vm/demo.sh

# Cost against the in-tree driver: hypercall latency, multicall and mapping
# throughput side by side in one boot (P1-P3), then Debian's xl create, save,
# restore and dump-core timed in boots alternating the two drivers (P4).
# XPC_BENCH_ONLY=p4, XPC_BENCH_P4=0, XPC_BENCH_P4_BOOTS=N, XPC_BENCH_P4_ROUNDS=N:
# see testing/vm/bench.sh.
bench:
	testing/vm/bench.sh

# The fuzzer and the load loop in a boot of their own, under the kernel's
# allocator debugging: make fuzz [ITERATIONS=N] [SEED=S] [LOAD_CYCLES=M]
# [KERNEL=6.1] [RACERS=0] [RACER_OPS=MASK].
fuzz:
	ITERATIONS="$(ITERATIONS)" SEED="$(SEED)" LOAD_CYCLES="$(LOAD_CYCLES)" \
		KERNEL="$(KERNEL)" RACERS="$(RACERS)" RACER_OPS="$(RACER_OPS)" testing/vm/fuzz.sh

# Add a hypercall to Xen 4.17, build and boot it, call it through xprivcmd.
lab:
	lab/lab.sh

checkpatch:
	testing/vm/static.sh checkpatch

sparse:
	$(MAKE) -C $(KDIR) M=$(CURDIR) W=1 C=2 CHECK=sparse modules

# The module into /lib/modules/$(KERNELRELEASE)/updates, so that modprobe
# finds it; the UAPI header; hcall with its manual page and completion
# (tools/hcall's install); the xprivcmd(4) manual page.
install: modules_install headers_install hcall_install man_install

modules_install: module
	$(MAKE) -C $(KDIR) M=$(CURDIR) INSTALL_MOD_PATH=$(DESTDIR) \
		INSTALL_MOD_DIR=updates modules_install
	depmod -a $(if $(DESTDIR),-b $(DESTDIR)) $(KERNELRELEASE)

headers_install:
	install -D -m 0644 include/uapi/xen/xprivcmd.h \
		$(DESTDIR)$(PREFIX)/include/xen/xprivcmd.h

hcall_install:
	$(MAKE) -C tools/hcall install DESTDIR=$(DESTDIR) PREFIX=$(PREFIX)

man_install:
	install -D -m 0644 docs/xprivcmd.4 $(DESTDIR)$(PREFIX)/share/man/man4/xprivcmd.4

# The modes (README, "Side by side, or instead of the in-tree driver").
# Where DKMS manages xprivcmd (make dkms-install, or the xprivcmd-dkms
# package), what it builds depends on the mode: packaging/xprivcmd-mode,
# the package's xprivcmd-mode, switches the modprobe.d files and has DKMS
# build again for each kernel (xprivcmd_xenfs in drop-in mode only), so that
# no second xprivcmd.ko goes into updates/ beside DKMS's.  Otherwise the
# module as "make modules_install" installs it.
DKMS_MANAGED = [ -z "$(DESTDIR)" ] && dkms status xprivcmd 2>/dev/null | grep -q .
MODE = XPRIVCMD_DATADIR=$(CURDIR)/packaging/modprobe.d packaging/xprivcmd-mode

# modprobe xprivcmd then serves /dev/xprivcmd, next to the in-tree driver.
install-side-by-side:
	if $(DKMS_MANAGED); then $(MODE) side-by-side; else \
		install -D -m 0644 packaging/modprobe.d/xprivcmd-side-by-side.conf \
			$(DESTDIR)/etc/modprobe.d/xprivcmd.conf; fi

# xprivcmd instead of the in-tree xen-privcmd everywhere, xenfs's
# /proc/xen/privcmd included: xprivcmd_xenfs.ko (built and installed only
# here) and the modprobe.d file that sends "modprobe xen-privcmd" to it.
DROP_IN_CONF := /etc/modprobe.d/xprivcmd-drop-in.conf
install-drop-in:
	if $(DKMS_MANAGED); then $(MODE) drop-in; else \
		$(MAKE) modules_install XPRIVCMD_DROP_IN=y && \
		install -D -m 0644 packaging/modprobe.d/xprivcmd-drop-in.conf \
			$(DESTDIR)$(DROP_IN_CONF); fi

uninstall-drop-in:
	if $(DKMS_MANAGED); then $(MODE) off; else \
		rm -f $(DESTDIR)$(DROP_IN_CONF) \
			$(DESTDIR)/lib/modules/$(KERNELRELEASE)/updates/xprivcmd_xenfs.ko* && \
		depmod -a $(if $(DESTDIR),-b $(DESTDIR)) $(KERNELRELEASE); fi

# Opt-in non-root access: group "xprivcmd" gets the nodes (see the rule's
# comment for what that grants).  Applied at once where udev runs; into a
# DESTDIR only the rule, the group being the target system's to create.
UDEV_RULE := /etc/udev/rules.d/70-xprivcmd.rules
install-group-access:
	install -D -m 0644 packaging/udev/70-xprivcmd.rules $(DESTDIR)$(UDEV_RULE)
ifeq ($(DESTDIR),)
	getent group xprivcmd >/dev/null || groupadd --system xprivcmd
	if udevadm control --reload 2>/dev/null; then \
		udevadm trigger --action=add --subsystem-match=misc && udevadm settle; fi
endif

# Back to root only from the next load of the module on (udev does not
# take a mode back); the group stays, as it may own other things by now.
uninstall-group-access:
	rm -f $(DESTDIR)$(UDEV_RULE)
ifeq ($(DESTDIR),)
	-udevadm control --reload 2>/dev/null
	@echo "reload xprivcmd (modprobe -r xprivcmd; modprobe xprivcmd) for root-only nodes"
endif

# The sources as DKMS wants them, in /usr/src/xprivcmd-$(VERSION).
dkms-src:
	rm -rf $(DKMS_SRC)
	install -d $(DKMS_SRC)
	cp --parents $(DKMS_SOURCES) $(DKMS_SRC)/

# Registers the sources with DKMS (replacing an earlier registration of the
# same version) and builds and installs the module for $(KERNELRELEASE);
# DKMS rebuilds it for every kernel installed later.
dkms-install: dkms-src
	if dkms status $(DKMS_ID) | grep -q .; then dkms remove $(DKMS_ID) --all; fi
	dkms add $(DKMS_ID)
	dkms build $(DKMS_ID) -k $(KERNELRELEASE) --kernelsourcedir $(KDIR)
	dkms install $(DKMS_ID) -k $(KERNELRELEASE) --kernelsourcedir $(KDIR)

dkms-uninstall:
	if dkms status $(DKMS_ID) | grep -q .; then dkms remove $(DKMS_ID) --all; fi
	rm -rf $(DKMS_SRC)

clean:
	-$(MAKE) -C $(KDIR) M=$(CURDIR) clean
	$(MAKE) -C selftests clean
	$(MAKE) -C tools/hcall clean
	$(MAKE) -C testing/unit clean
	$(MAKE) -C testing/bench clean
	rm -rf $(BUILD)
