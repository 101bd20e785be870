/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The HVM guest that ioreq_hvm serves: xl loads it in place of hvmloader
 * (firmware_override), and Xen starts its vCPU at the ELF entry in flat
 * 32-bit protected mode, paging off.  It talks to its device model only
 * through a virtio-mmio queue notify register, which the ioreq server
 * claims, and through ISA IRQ 5 on Xen's emulated 8259; progress goes to
 * Xen's debug port (shown by "xl dmesg" when guest_loglvl lets it).
 *
 *  1. Sets up its GDT, the 8259 (IRQ 5 alone unmasked, at vector 0x25),
 *     the LAPIC (enabled, LVT0 in ExtINT mode: how the 8259's interrupt
 *     reaches the vCPU) and an IDT with a gate for that vector.
 *  2. Notifies queue IOREQ_HVM_VQ_READY: it can take the interrupt now.
 *  3. Waits in sti; hlt until the handler has run, which notifies queue
 *     IOREQ_HVM_VQ_IRQ and acknowledges the 8259.
 *  4. Idles, interrupts on, until xl destroys it.  (A hlt with interrupts
 *     off would power it off, and xl with it, while its device model may
 *     still be taking the server down.)
 */
#include "ioreq_hvm.h"

#define DEBUG_PORT	0xe9
#define PIC1		0x20
#define PIC2		0xa0
#define LAPIC_SVR	0xfee000f0
#define LAPIC_LVT0	0xfee00350
/* Software-enabled, spurious vector 0xff. */
#define SVR_ENABLE	0x1ff
/* Delivery mode ExtINT, unmasked. */
#define LVT0_EXTINT	0x700
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

	movl	$msg_start, %esi
	call	print

	/* ICW1-4: edge, cascaded, vectors from PIC_BASE, 8086 mode. */
	movb	$0x11, %al
	outb	%al, $PIC1
	outb	%al, $PIC2
	movb	$IOREQ_HVM_PIC_BASE, %al
	outb	%al, $PIC1 + 1
	movb	$IOREQ_HVM_PIC_BASE + 8, %al
	outb	%al, $PIC2 + 1
	movb	$0x04, %al
	outb	%al, $PIC1 + 1
	movb	$0x02, %al
	outb	%al, $PIC2 + 1
	movb	$0x01, %al
	outb	%al, $PIC1 + 1
	outb	%al, $PIC2 + 1
	movb	$~(1 << IOREQ_HVM_ISA_IRQ) & 0xff, %al
	outb	%al, $PIC1 + 1
	movb	$0xff, %al
	outb	%al, $PIC2 + 1

	/* LVT0 is forced masked while the LAPIC is disabled: SVR first. */
	movl	$SVR_ENABLE, LAPIC_SVR
	movl	$LVT0_EXTINT, LAPIC_LVT0

	movl	$irq_handler, %eax
	movw	%ax, idt + IOREQ_HVM_VECTOR * 8
	movw	$CODE_SEL, idt + IOREQ_HVM_VECTOR * 8 + 2
	movw	$GATE_INTR32, idt + IOREQ_HVM_VECTOR * 8 + 4
	shrl	$16, %eax
	movw	%ax, idt + IOREQ_HVM_VECTOR * 8 + 6
	lidt	idt_desc

	/* The device model's cue: raise the interrupt now. */
	movl	$IOREQ_HVM_VQ_READY, IOREQ_HVM_NOTIFY
	movl	$msg_waiting, %esi
	call	print

	/* sti's one-instruction shadow: no interrupt slips in before hlt. */
2:	sti
	hlt
	cli
	cmpb	$0, irq_seen
	je	2b

	movl	$msg_done, %esi
	call	print
3:	sti
	hlt
	jmp	3b

irq_handler:
	pushal
	movl	$IOREQ_HVM_VQ_IRQ, IOREQ_HVM_NOTIFY
	movb	$1, irq_seen
	movl	$msg_irq, %esi
	call	print
	/* Non-specific EOI. */
	movb	$0x20, %al
	outb	%al, $PIC1
	popal
	iret

/* Writes the NUL-terminated string at %esi to the debug port. */
print:
	movw	$DEBUG_PORT, %dx
4:	lodsb
	testb	%al, %al
	jz	5f
	outb	%al, %dx
	jmp	4b
5:	ret

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
irq_seen:
	.byte	0
msg_start:
	.asciz	"xpc-ioreq: started\n"
msg_waiting:
	.asciz	"xpc-ioreq: waiting for IRQ 5\n"
msg_irq:
	.asciz	"xpc-ioreq: IRQ 5 taken\n"
msg_done:
	.asciz	"xpc-ioreq: done\n"

	/* In the image, not .bss: nothing need zero them before the guest runs. */
	.balign	8
idt:
	.fill	256 * 8
	.balign	16
stack:
	.fill	4096
stack_top:
