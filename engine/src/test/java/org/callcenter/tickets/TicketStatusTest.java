package org.callcenter.tickets;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TicketStatusTest {
    @Test
    void closedIsFinal() {
        for (TicketStatus s : TicketStatus.values())
            if (s != TicketStatus.CLOSED)
                assertThat(TicketStatus.CLOSED.canMoveTo(s)).isFalse();
    }

    @Test
    void aResolvedRequestCanBeReopenedOrClosedButNotReRegistered() {
        assertThat(TicketStatus.RESOLVED.canMoveTo(TicketStatus.IN_PROGRESS)).isTrue();
        assertThat(TicketStatus.RESOLVED.canMoveTo(TicketStatus.CLOSED)).isTrue();
        assertThat(TicketStatus.RESOLVED.canMoveTo(TicketStatus.REGISTERED)).isFalse();
    }

    @Test
    void waitingOnCustomerGoesBackToWork() {
        assertThat(TicketStatus.IN_PROGRESS.canMoveTo(TicketStatus.WAITING_ON_CUSTOMER))
                .isTrue();
        assertThat(TicketStatus.WAITING_ON_CUSTOMER.canMoveTo(TicketStatus.IN_PROGRESS))
                .isTrue();
    }

    @Test
    void openMeansNotResolvedClosedOrTransferred() {
        assertThat(TicketStatus.REGISTERED.open()).isTrue();
        assertThat(TicketStatus.WAITING_ON_CUSTOMER.open()).isTrue();
        assertThat(TicketStatus.RESOLVED.open()).isFalse();
        assertThat(TicketStatus.TRANSFERRED.open()).isFalse();
    }
}
