# SPDX-License-Identifier: GPL-2.0-only
#
# 32-bit x86 builds on a 64-bit Debian host, included by the Makefiles that
# build -m32 programs (TOP must be set).  Debian's gcc-multilib, which would
# provide <asm/...> for them, conflicts with the arm64 cross compiler; the
# kernel's x86 UAPI asm headers serve both word sizes, so 32-bit builds find
# the native ones through a directory of their own.

M32_INC := $(TOP)/build/include32
M32_CFLAGS := -m32 -idirafter $(M32_INC)

$(M32_INC)/asm:
	mkdir -p $(M32_INC)
	ln -sfn /usr/include/$(shell $(CC) -print-multiarch)/asm $@
