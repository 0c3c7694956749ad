package org.callcenter.returns;

import java.util.List;
import java.util.Map;

/** Product returns in MongoDB ({@code returns}, _id = return id). Blocking; implemented in store/. */
public interface ReturnRepository {
    void insert(ProductReturn productReturn);

    /** The customer's returns, newest first. */
    List<ProductReturn> ofCustomer(String customerId);

    /** Returns recorded per month ("2026-11") for months in [{@code from}, {@code to}] (ISO month text). */
    Map<String, Long> countByMonth(String fromMonth, String toMonth);
}
