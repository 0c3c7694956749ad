package org.callcenter.customers;

import io.vertx.core.Future;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.callcenter.common.InvalidInputException;
import org.callcenter.common.JsonMapper;
import org.callcenter.metrics.Meters;
import org.callcenter.phone.PhoneNumbers;
import org.callcenter.web.Api;
import org.callcenter.web.JsonInput;

/** /api/v1/customers and /api/v1/installations. */
public final class CustomerRoutes {
    private static final com.fasterxml.jackson.core.type.TypeReference<Map<String, Object>> MAP =
            new com.fasterxml.jackson.core.type.TypeReference<>() {};
    private final CustomerService service;
    private final PhoneNumbers phoneNumbers;
    private final Meters meters;

    public CustomerRoutes(CustomerService service, PhoneNumbers phoneNumbers, Meters meters) {
        this.service = service;
        this.phoneNumbers = phoneNumbers;
        this.meters = meters;
    }

    public void mount(Router api) {
        api.post("/v1/customers")
                .handler(ctx -> Api.respond(ctx, 201, () -> {
                    CustomerDraft draft = draft(JsonInput.of(Api.body(ctx)), false);
                    return tagged(ctx, service.create(draft)).onSuccess(c -> {
                        meters.customerCreated();
                        ctx.response().putHeader("Location", "/api/v1/customers/" + c.id());
                    });
                }));
        api.get("/v1/customers")
                .handler(ctx -> Api.respond(ctx, 200, () -> {
                    Optional<String> phone = Api.query(ctx, "phone");
                    Optional<String> name = Api.query(ctx, "name");
                    int limit = Api.intQuery(ctx, "limit", 20, 1, 200);
                    if (phone.isPresent())
                        return service.findByPhone(phone.get())
                                .map(c -> c.map(List::of).orElse(List.of()));
                    if (name.isPresent()) return service.searchByName(name.get(), limit);
                    throw InvalidInputException.of("phone", "give ?phone= or ?name=");
                }));
        api.get("/v1/customers/:id")
                .handler(ctx -> Api.respond(
                        ctx,
                        200,
                        () -> tagged(ctx, service.get(ctx.pathParam("id")))
                                .compose(c -> service.installations(c.id()).map(list -> withInstallations(c, list)))));
        api.put("/v1/customers/:id")
                .handler(ctx -> Api.respond(ctx, 200, () -> {
                    JsonInput in = JsonInput.of(Api.body(ctx));
                    long version = Api.expectedVersion(ctx, in);
                    CustomerDraft draft = draft(in, true);
                    return tagged(ctx, service.update(ctx.pathParam("id"), version, draft));
                }));
        api.post("/v1/customers/:id/installations")
                .handler(ctx -> Api.respond(ctx, 201, () -> {
                    JsonInput in = JsonInput.of(Api.body(ctx));
                    in.allowOnly("product", "model", "serial", "installedOn", "warrantyEnd");
                    InstallationDraft draft = new InstallationDraft(
                            in.requiredString("product", 200),
                            in.optionalString("model", 200).orElse(null),
                            in.optionalString("serial", 200).orElse(null),
                            in.optionalDate("installedOn").orElse(null),
                            in.optionalDate("warrantyEnd").orElse(null));
                    in.validate();
                    return service.addInstallation(ctx.pathParam("id"), draft).map(this::view);
                }));
        api.get("/v1/customers/:id/installations")
                .handler(ctx -> Api.respond(
                        ctx,
                        200,
                        () -> service.installations(ctx.pathParam("id"))
                                .map(list -> list.stream().map(this::view).toList())));
        api.get("/v1/installations/:id")
                .handler(ctx -> Api.respond(
                        ctx,
                        200,
                        () -> service.installation(ctx.pathParam("id")).map(this::view)));
    }

    /** An installation as the API shows it: with its warranty state today (SERVICE-RULES §7). */
    private Map<String, Object> view(Installation i) {
        Map<String, Object> out = new LinkedHashMap<>(JsonMapper.mapper().convertValue(i, MAP));
        out.put("warranty", service.warranty(i));
        return out;
    }

    private Map<String, Object> withInstallations(Customer c, List<Installation> installations) {
        Map<String, Object> out = new LinkedHashMap<>(JsonMapper.mapper().convertValue(c, MAP));
        out.put("installations", installations.stream().map(this::view).toList());
        return out;
    }

    /** Adds the customer's version as its ETag, for the next If-Match. */
    private static Future<Customer> tagged(RoutingContext ctx, Future<Customer> customer) {
        return customer.onSuccess(c -> ctx.response().putHeader("ETag", "\"" + c.version() + "\""));
    }

    private CustomerDraft draft(JsonInput in, boolean update) {
        if (update) in.allowOnly("name", "language", "phones", "contacts", "address", "region", "timeZone", "version");
        else in.allowOnly("name", "language", "phones", "contacts", "address", "region", "timeZone");
        String name = in.requiredString("name", 200);
        String language = in.optionalString("language", 10).orElse(null);
        if (language != null && !language.matches("[a-z]{2}(-[A-Za-z]{2,4})?"))
            in.error("language", "must be a language tag such as en or zh");
        List<String> phones = in.phoneList("phones", 10, phoneNumbers);
        List<Customer.Contact> contacts = in.objectList("contacts", 20, c -> {
            c.allowOnly("name", "role", "phones", "email");
            String email = c.optionalString("email", 200).orElse(null);
            if (email != null && !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+"))
                c.error("email", "is not an e-mail address");
            return new Customer.Contact(
                    c.requiredString("name", 200),
                    c.optionalString("role", 100).orElse(null),
                    c.phoneList("phones", 10, phoneNumbers),
                    email);
        });
        Customer.Address address = in.optionalObject("address", a -> {
                    a.allowOnly("street", "city", "province", "postalCode", "country");
                    return new Customer.Address(
                            a.optionalString("street", 300).orElse(null),
                            a.optionalString("city", 100).orElse(null),
                            a.optionalString("province", 100).orElse(null),
                            a.optionalString("postalCode", 20).orElse(null),
                            a.optionalString("country", 60).orElse(null));
                })
                .orElse(null);
        Region region = in.optionalEnum("region", Region.class).orElse(null);
        String timeZone = in.optionalString("timeZone", 60).orElse(null);
        if (timeZone != null && !validZone(timeZone))
            in.error("timeZone", "must be an IANA time zone id such as Asia/Shanghai or Europe/Berlin");
        if (phones.isEmpty()
                && contacts.stream().allMatch(c -> c.phones().isEmpty())
                && in.errors().isEmpty())
            in.error("phones", "at least one phone number (customer or contact) is required");
        in.validate();
        return new CustomerDraft(name, language, phones, contacts, address, region, timeZone);
    }

    /** A region-based IANA id (Area/City or UTC), not an offset such as +08:00. */
    private static boolean validZone(String id) {
        if (!java.time.ZoneId.getAvailableZoneIds().contains(id)) return false;
        return id.contains("/") || id.equals("UTC");
    }
}
