package org.callcenter.quality;

import java.util.List;
import java.util.Optional;

/**
 * Who the technicians are (collection {@code technicians}, owned by dispatch). A small interface so
 * the dispatch domain's own repository can stand in for the Mongo reader later. Blocking.
 */
public interface TechnicianDirectory {
    record Technician(String id, String name, String region) {}

    Optional<Technician> find(String id);

    List<Technician> all();
}
