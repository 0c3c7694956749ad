package org.callcenter.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.callcenter.common.ConflictException;
import org.callcenter.common.EventPublisher;
import org.callcenter.common.InvalidInputException;
import org.callcenter.common.NotFoundException;
import org.callcenter.metrics.QualityMeters;
import org.callcenter.support.MutableClock;
import org.junit.jupiter.api.Test;

/**
 * The complaints ladder over a rolling 12 months with a moving clock: only verified complaints count,
 * steps are decided in order and only once due, complaints leaving the window lower what is due, and
 * a step decided more than a window ago no longer holds.
 */
class LadderYearTest {
    final MutableClock clock = new MutableClock(Instant.parse("2026-01-10T09:00:00Z"));
    final InMemoryComplaints repository = new InMemoryComplaints();
    final List<Object> published = new ArrayList<>();
    final EventPublisher events = (address, event) -> published.add(event);
    final TechnicianDirectory technicians = new TechnicianDirectory() {
        final Map<String, Technician> all = Map.of("t1", new Technician("t1", "Wang", "east"));

        @Override
        public Optional<Technician> find(String id) {
            return Optional.ofNullable(all.get(id));
        }

        @Override
        public List<Technician> all() {
            return List.copyOf(all.values());
        }
    };
    final ComplaintService service = new ComplaintService(
            repository, technicians, null, events, new QualityMeters(new SimpleMeterRegistry()), 12, clock);

    private Complaint complaint(boolean verify) {
        Complaint c = service.register(Complaint.Source.CALL, null, "t1", "rude", "agent1");
        clock.advance(Duration.ofHours(2));
        if (verify) service.verify(c.id(), true, "sup", null);
        return c;
    }

    @Test
    void aYearOfComplaints() {
        // January: an unverified and a rejected complaint never count
        complaint(false);
        Complaint rejected = complaint(false);
        service.verify(rejected.id(), false, "sup", "customer confused the technician");
        assertThat(service.ladder("t1").verifiedComplaints()).isZero();
        assertThat(service.ladder("t1").due()).isNull();
        assertThatThrownBy(() -> service.decide("t1", LadderStep.WARNING, "sup", null))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("not due");

        // February: first verified complaint → a warning is due; the penalty cannot skip it
        clock.set(Instant.parse("2026-02-03T10:00:00Z"));
        complaint(true);
        Ladder l = service.ladder("t1");
        assertThat(l.verifiedComplaints()).isEqualTo(1);
        assertThat(l.due()).isEqualTo(LadderStep.WARNING);
        assertThat(l.next()).isEqualTo(LadderStep.WARNING);
        assertThatThrownBy(() -> service.decide("t1", LadderStep.PENALTY, "sup", null))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("cannot skip");
        Ladder warned = service.decide("t1", LadderStep.WARNING, "sup", "talked to him");
        assertThat(warned.current()).isEqualTo(LadderStep.WARNING);
        assertThat(warned.decisions()).singleElement().satisfies(d -> {
            assertThat(d.decidedBy()).isEqualTo("sup");
            assertThat(d.decidedAt()).isEqualTo(clock.instant());
            assertThat(d.complaintId()).isEqualTo(l.complaintIds().get(0));
        });
        assertThatThrownBy(() -> service.decide("t1", LadderStep.WARNING, "sup", null))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("already");
        assertThatThrownBy(() -> service.decide("t1", LadderStep.PENALTY, "sup", null))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("not due");

        // June: second verified → penalty; August: third verified → dismissal recommended
        clock.set(Instant.parse("2026-06-15T10:00:00Z"));
        complaint(true);
        service.decide("t1", LadderStep.PENALTY, "boss", null);
        clock.set(Instant.parse("2026-08-20T10:00:00Z"));
        complaint(true);
        Ladder top = service.decide("t1", LadderStep.DISMISSAL_RECOMMENDED, "boss", null);
        assertThat(top.verifiedComplaints()).isEqualTo(3);
        assertThat(top.current()).isEqualTo(LadderStep.DISMISSAL_RECOMMENDED);
        assertThat(top.next()).isNull();
        assertThat(top.decisions()).extracting(LadderDecision::decidedBy).containsExactly("sup", "boss", "boss");

        // 2027-02-04: the February complaint and the warning left the window: 2 verified remain
        clock.set(Instant.parse("2027-02-04T10:00:00Z"));
        Ladder later = service.ladder("t1");
        assertThat(later.verifiedComplaints()).isEqualTo(2);
        assertThat(later.due()).isEqualTo(LadderStep.PENALTY);
        assertThat(later.current()).isEqualTo(LadderStep.DISMISSAL_RECOMMENDED);

        // 2027-09-01: every complaint and decision is more than 12 months old
        clock.set(Instant.parse("2027-09-01T10:00:00Z"));
        Ladder clean = service.ladder("t1");
        assertThat(clean.verifiedComplaints()).isZero();
        assertThat(clean.due()).isNull();
        assertThat(clean.current()).isNull();
        assertThat(clean.decisions()).isEmpty();

        // a new verified complaint starts again at the warning
        complaint(true);
        assertThatThrownBy(() -> service.decide("t1", LadderStep.PENALTY, "sup", null))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("next step for t1 is warning");
        assertThat(service.decide("t1", LadderStep.WARNING, "sup", null).current())
                .isEqualTo(LadderStep.WARNING);
        assertThat(published)
                .filteredOn(e -> e instanceof QualityEvents.ComplaintRegistered)
                .hasSize(6);
    }

    @Test
    void verificationIsOnceAndUnknownTechniciansAreRefused() {
        Complaint c = complaint(true);
        assertThatThrownBy(() -> service.verify(c.id(), false, "sup", null))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("verified already");
        assertThatThrownBy(() -> service.register(Complaint.Source.SMS, null, "nobody", "x", "sms"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("no technician nobody");
        assertThatThrownBy(() -> service.register(Complaint.Source.SMS, null, null, "x", "sms"))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> service.ladder("nobody")).isInstanceOf(NotFoundException.class);
        assertThat(repository.complaints).hasSize(1);
    }
}
