package org.callcenter.dispatch;

import io.vertx.core.Future;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.callcenter.common.ConflictException;
import org.callcenter.common.Ids;
import org.callcenter.common.InvalidInputException;
import org.callcenter.common.NotFoundException;
import org.callcenter.customers.Region;
import org.callcenter.dispatch.DispatchInputs.TechnicianDraft;
import org.callcenter.dispatch.DispatchInputs.TechnicianPatch;
import org.callcenter.phone.PhoneNumbers;
import org.callcenter.store.Blocking;

/** The technicians dispatch can send: one mobile each (their SMS commands are matched by it). */
public final class TechnicianService {
    private final TechnicianRepository technicians;
    private final VisitRepository visits;
    private final Blocking blocking;
    private final Clock clock;

    TechnicianService(TechnicianRepository technicians, VisitRepository visits, Blocking blocking, Clock clock) {
        this.technicians = technicians;
        this.visits = visits;
        this.blocking = blocking;
        this.clock = clock;
    }

    public Future<Technician> create(TechnicianDraft d) {
        return blocking.run(() -> {
            mobileFree(d.mobile(), null);
            Instant now = clock.instant();
            Technician t = new Technician(
                    Ids.newId(), d.name(), d.mobile(), d.region(), List.copyOf(d.skills()), d.onDuty(), now, now);
            technicians.insert(t);
            return t;
        });
    }

    public Future<Technician> get(String id) {
        return blocking.run(() -> find(id));
    }

    /** Technicians, by name; optionally only those on duty and / or of one region. */
    public Future<List<Technician>> list(Optional<Boolean> onDuty, Optional<Region> region) {
        return blocking.run(() -> technicians.list().stream()
                .filter(t -> onDuty.isEmpty() || t.onDuty() == onDuty.get())
                .filter(t -> region.isEmpty() || t.region() == region.get())
                .sorted(Comparator.comparing(Technician::name).thenComparing(Technician::id))
                .toList());
    }

    public Future<Technician> update(String id, TechnicianPatch p) {
        return blocking.run(() -> {
            Technician t = find(id);
            if (p.mobile().isPresent()) mobileFree(p.mobile().get(), id);
            Technician updated = new Technician(
                    t.id(),
                    p.name().orElse(t.name()),
                    p.mobile().orElse(t.mobile()),
                    p.region().orElse(t.region()),
                    p.skills().map(List::copyOf).orElse(t.skills()),
                    p.onDuty().orElse(t.onDuty()),
                    t.createdAt(),
                    clock.instant());
            if (!technicians.replace(updated)) throw notFound(id);
            return updated;
        });
    }

    /** Removes a technician who has no visit in progress. */
    public Future<Void> delete(String id) {
        return blocking.run(() -> {
            Technician t = find(id);
            if (visits.technicianBusy(id))
                throw new ConflictException(t.name() + " has a visit in progress; reassign or finish it first", t);
            if (!technicians.delete(id)) throw notFound(id);
            return null;
        });
    }

    private void mobileFree(String mobile, String self) {
        technicians.findByMobile(mobile).filter(o -> !o.id().equals(self)).ifPresent(o -> {
            throw InvalidInputException.unprocessable(
                    "mobile", PhoneNumbers.mask(mobile) + " is already technician " + o.id() + "'s mobile");
        });
    }

    private Technician find(String id) {
        return technicians.find(id).orElseThrow(() -> notFound(id));
    }

    private static NotFoundException notFound(String id) {
        return new NotFoundException("no technician " + DispatchService.sanitize(id));
    }
}
