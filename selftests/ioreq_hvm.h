/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * What ioreq_hvm (dom0) and ioreq_guest.S (the HVM guest it serves) agree
 * on.  Plain numbers only: the assembler includes this too.
 */
#ifndef IOREQ_HVM_H
#define IOREQ_HVM_H

/*
 * The guest's virtio-mmio device: a guest-physical range with no RAM and
 * none of Xen's own emulation (the LAPIC is at 0xfee00000, the IOAPIC at
 * 0xfec00000, the HPET at 0xfed00000), so its accesses go to the ioreq
 * server that claims it.
 */
#define IOREQ_HVM_MMIO		0xfe000000
#define IOREQ_HVM_MMIO_SIZE	0x1000
/* VIRTIO_MMIO_QUEUE_NOTIFY, the register an ioeventfd matches. */
#define IOREQ_HVM_NOTIFY	(IOREQ_HVM_MMIO + 0x050)

/* The queue the guest notifies once it is set up to take the interrupt. */
#define IOREQ_HVM_VQ_READY	2
/* The queue its interrupt handler notifies. */
#define IOREQ_HVM_VQ_IRQ	5

/* The ISA IRQ the irqfd raises, and where the guest's 8259 puts it. */
#define IOREQ_HVM_ISA_IRQ	5
#define IOREQ_HVM_PIC_BASE	0x20
#define IOREQ_HVM_VECTOR	(IOREQ_HVM_PIC_BASE + IOREQ_HVM_ISA_IRQ)

#endif /* IOREQ_HVM_H */
