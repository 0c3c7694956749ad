package org.callcenter.customers;

import java.time.LocalDate;

/** A new installation; without {@code warrantyEnd} the configured warranty period applies. */
public record InstallationDraft(
        String product, String model, String serial, LocalDate installedOn, LocalDate warrantyEnd) {}
