package org.callcenter.dispatch;

import java.util.List;
import java.util.Optional;

/** Technicians ({@code technicians}, _id = technician id). Blocking; implemented in store/. */
public interface TechnicianRepository {
    void insert(Technician technician);

    Optional<Technician> find(String id);

    Optional<Technician> findByMobile(String mobile);

    List<Technician> list();

    /** Replaces the stored technician; false if it is gone. */
    boolean replace(Technician technician);

    boolean delete(String id);
}
