/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The HVM guest that Debian's QEMU serves as device model, in dom0 on
 * xprivcmd (testing/vm/guest/guest-toolstack-hvm.sh).  xl loads it in place
 * of hvmloader (firmware_override); Xen starts its vCPU at the ELF entry in
 * flat 32-bit protected mode, paging off.  It touches only devices that
 * QEMU emulates, never Xen's own, so that each line it prints is QEMU's
 * work:
 *
 *  1. Programs the 16550 UART at COM1 (8N1, FIFOs and interrupts off) and
 *     writes "@@HVM@@ up" to it, a byte at a time once the line status
 *     register says the transmitter is empty: port I/O that Xen forwards to
 *     QEMU, which writes the bytes to the file the xl configuration names.
 *  2. Reads the PCI host bridge's vendor and device IDs (00:00.0, register
 *     0) through 0xcf8/0xcfc: a config cycle that Xen hands to the ioreq
 *     server that claimed the device, and only QEMU can answer.
 *  3. Writes "@@HVM@@ pci 00:00.0 VVVV:DDDD" with one rep outsb from its
 *     own memory: Xen passes QEMU the guest-physical address of the string
 *     rather than the bytes, and QEMU reads them through a foreign mapping
 *     of the guest's RAM.
 *  4. Idles, interrupts on, until xl destroys it.  (A hlt with interrupts
 *     off would power it off.)  Every vector leads to an iret, so that a
 *     stray interrupt cannot take it down.
 */

#define COM1		0x3f8
/* 16550 registers, as offsets from COM1. */
#define UART_THR	0	/* transmit holding (DLAB clear) */
#define UART_DLL	0	/* divisor latch, low (DLAB set) */
#define UART_IER	1	/* interrupt enable (DLAB clear) */
#define UART_DLM	1	/* divisor latch, high (DLAB set) */
#define UART_FCR	2
#define UART_LCR	3
#define UART_LSR	5
#define LCR_DLAB	0x80
#define LCR_8N1		0x03
#define LSR_THRE	0x20
#define PCI_ADDR	0xcf8
#define PCI_DATA	0xcfc
/* Enable bit, bus 0, device 0, function 0, register 0. */
#define PCI_HOST_BRIDGE_ID	0x80000000
#define CODE_SEL	0x08
#define DATA_SEL	0x10
/* Present, ring 0, 32-bit interrupt gate. */
#define GATE_INTR32	0x8e00

	.code32
	.text
	.globl	_start
_start:
	cli
	lgdt	gdt_desc
	ljmp	$CODE_SEL, $1f
1:	movw	$DATA_SEL, %ax
	movw	%ax, %ds
	movw	%ax, %es
	movw	%ax, %ss
	movw	%ax, %fs
	movw	%ax, %gs
	movl	$stack_top, %esp

	/* An interrupt gate to ignore for each of the 256 vectors. */
	movl	$idt, %edi
	movl	$ignore, %ebx
	movl	%ebx, %edx
	shrl	$16, %edx
	movl	$256, %ecx
2:	movw	%bx, (%edi)
	movw	$CODE_SEL, 2(%edi)
	movw	$GATE_INTR32, 4(%edi)
	movw	%dx, 6(%edi)
	addl	$8, %edi
	loop	2b
	lidt	idt_desc

	/* Divisor 1 (115200 baud: QEMU ignores it), then 8N1. */
	movb	$LCR_DLAB, %al
	movw	$COM1 + UART_LCR, %dx
	outb	%al, %dx
	movb	$1, %al
	movw	$COM1 + UART_DLL, %dx
	outb	%al, %dx
	xorb	%al, %al
	movw	$COM1 + UART_DLM, %dx
	outb	%al, %dx
	movb	$LCR_8N1, %al
	movw	$COM1 + UART_LCR, %dx
	outb	%al, %dx
	xorb	%al, %al
	movw	$COM1 + UART_IER, %dx
	outb	%al, %dx
	movw	$COM1 + UART_FCR, %dx
	outb	%al, %dx

	movl	$msg_up, %esi
	call	puts

	movl	$PCI_HOST_BRIDGE_ID, %eax
	movw	$PCI_ADDR, %dx
	outl	%eax, %dx
	movw	$PCI_DATA, %dx
	inl	%dx, %eax
	movl	%eax, %ebx
	/* Vendor (the low half), a colon, device (the high half). */
	movl	$pci_id, %edi
	call	hex16
	movb	$':', (%edi)
	incl	%edi
	movl	%ebx, %eax
	shrl	$16, %eax
	call	hex16

	/* The whole line in one string I/O: QEMU reads it from our RAM. */
	cld
	movl	$msg_pci, %esi
	movl	$msg_pci_end - msg_pci, %ecx
	movw	$COM1 + UART_THR, %dx
	rep outsb

3:	sti
	hlt
	jmp	3b

ignore:
	iret

/* Writes the NUL-terminated string at %esi to COM1, polling LSR. */
puts:
	lodsb
	testb	%al, %al
	jz	5f
	movb	%al, %ah
	movw	$COM1 + UART_LSR, %dx
4:	inb	%dx, %al
	testb	$LSR_THRE, %al
	jz	4b
	movb	%ah, %al
	movw	$COM1 + UART_THR, %dx
	outb	%al, %dx
	jmp	puts
5:	ret

/* Writes the low 16 bits of %eax as four hex digits at %edi, advancing it. */
hex16:
	shll	$16, %eax
	movl	$4, %ecx
6:	roll	$4, %eax
	movl	%eax, %edx
	andl	$0xf, %edx
	movb	hexdigits(%edx), %dl
	movb	%dl, (%edi)
	incl	%edi
	loop	6b
	ret

	.data
	.balign	8
gdt:
	.quad	0
	.quad	0x00cf9a000000ffff	/* CODE_SEL: flat 32-bit code */
	.quad	0x00cf92000000ffff	/* DATA_SEL: flat data */
gdt_end:
gdt_desc:
	.word	gdt_end - gdt - 1
	.long	gdt
	.balign	8
idt_desc:
	.word	256 * 8 - 1
	.long	idt
hexdigits:
	.ascii	"0123456789abcdef"
msg_up:
	.asciz	"@@HVM@@ up\n"
msg_pci:
	.ascii	"@@HVM@@ pci 00:00.0 "
pci_id:
	.ascii	"????:????\n"
msg_pci_end:

	/* In the image, not .bss: nothing need zero them before the guest runs. */
	.balign	8
idt:
	.fill	256 * 8
	.balign	16
stack:
	.fill	4096
stack_top:
