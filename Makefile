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

.PHONY: all module hcall selftests unit check demo bench lab checkpatch sparse clean \
	install modules_install headers_install dkms-src dkms-install \
	dkms-uninstall install-side-by-side install-drop-in uninstall-drop-in

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

# The module into /lib/modules/$(KERNELRELEASE)/updates, so that modprobe
# finds it; and the UAPI header.
install: modules_install headers_install

modules_install: module
	$(MAKE) -C $(KDIR) M=$(CURDIR) INSTALL_MOD_PATH=$(DESTDIR) \
		INSTALL_MOD_DIR=updates modules_install
	depmod -a $(if $(DESTDIR),-b $(DESTDIR)) $(KERNELRELEASE)

headers_install:
	install -D -m 0644 include/uapi/xen/xprivcmd.h \
		$(DESTDIR)$(PREFIX)/include/xen/xprivcmd.h

# modprobe xprivcmd then serves /dev/xprivcmd, next to the in-tree driver.
install-side-by-side:
	install -D -m 0644 packaging/modprobe.d/xprivcmd-side-by-side.conf \
		$(DESTDIR)/etc/modprobe.d/xprivcmd.conf

# xprivcmd instead of the in-tree xen-privcmd everywhere, xenfs's
# /proc/xen/privcmd included: xprivcmd_xenfs.ko (built and installed only
# here) and the modprobe.d file that sends "modprobe xen-privcmd" to it.
# DKMS, if it manages xprivcmd, builds xprivcmd_xenfs too from now on.
DROP_IN_CONF := /etc/modprobe.d/xprivcmd-drop-in.conf
install-drop-in:
	$(MAKE) modules_install XPRIVCMD_DROP_IN=y
	install -D -m 0644 packaging/modprobe.d/xprivcmd-drop-in.conf $(DESTDIR)$(DROP_IN_CONF)

uninstall-drop-in:
	rm -f $(DESTDIR)$(DROP_IN_CONF) \
		$(DESTDIR)/lib/modules/$(KERNELRELEASE)/updates/xprivcmd_xenfs.ko*
	depmod -a $(if $(DESTDIR),-b $(DESTDIR)) $(KERNELRELEASE)

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
