# SPDX-License-Identifier: GPL-2.0-only
#
# Developer entry points.  The module's objects are listed in Kbuild only.

KERNELRELEASE ?= $(shell uname -r)
KDIR ?= /lib/modules/$(KERNELRELEASE)/build
BUILD ?= $(CURDIR)/build

.PHONY: all module hcall selftests unit check demo bench lab checkpatch sparse clean \
	install

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
# real Xen booted in QEMU.  Installs what it needs with apt on Debian 12.
check:
	testing/vm/check.sh

# The main job: build, boot Xen in QEMU, issue hypercalls from user space.
demo:
	testing/vm/demo.sh

# Hypercall latency against the in-tree driver, side by side in one boot.
bench:
	testing/vm/bench.sh

# Add a hypercall to Xen 4.17, build and boot it, call it through xprivcmd.
lab:
	lab/lab.sh

checkpatch:
	testing/vm/static.sh checkpatch

sparse:
	$(MAKE) -C $(KDIR) M=$(CURDIR) W=1 C=2 CHECK=sparse modules

install:
	$(MAKE) -C $(KDIR) M=$(CURDIR) modules_install
	depmod -a $(KERNELRELEASE)

clean:
	-$(MAKE) -C $(KDIR) M=$(CURDIR) clean
	$(MAKE) -C selftests clean
	$(MAKE) -C tools/hcall clean
	$(MAKE) -C testing/unit clean
	$(MAKE) -C testing/bench clean
	rm -rf $(BUILD)
