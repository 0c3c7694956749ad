package org.callcenter.web;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.callcenter.common.FieldError;
import org.callcenter.common.InvalidInputException;
import org.callcenter.phone.InvalidPhoneNumberException;
import org.callcenter.phone.PhoneNumbers;

/**
 * Strict reader of a request's JSON object. Every field is type-checked (a string field holding an
 * object such as {"$ne": null} is an error, never a query operator), unknown fields are reported,
 * and all problems are collected so the client gets the whole list at once.
 */
public final class JsonInput {
    private final JsonObject json;
    private final String prefix;
    private final List<FieldError> errors;

    private JsonInput(JsonObject json, String prefix, List<FieldError> errors) {
        this.json = json;
        this.prefix = prefix;
        this.errors = errors;
    }

    public static JsonInput of(JsonObject json) {
        return new JsonInput(json, "", new ArrayList<>());
    }

    public boolean has(String field) {
        return json.containsKey(field);
    }

    public void allowOnly(String... fields) {
        Set<String> allowed = Set.of(fields);
        for (String name : json.fieldNames()) {
            if (!allowed.contains(name)) error(name, "unknown field");
        }
    }

    public String requiredString(String field, int maxLength) {
        if (json.getValue(field) == null) {
            error(field, "is required");
            return null;
        }
        return optionalString(field, maxLength).orElse(null);
    }

    /** A secret such as a password: required, taken exactly as sent (never trimmed). */
    public String requiredSecret(String field, int maxLength) {
        Object value = json.getValue(field);
        if (value == null) {
            error(field, "is required");
            return null;
        }
        if (!(value instanceof String s) || s.isEmpty() || s.length() > maxLength) {
            error(field, "must be a non-empty string of at most " + maxLength + " characters");
            return null;
        }
        return s;
    }

    /** A phone number in any common format, returned in E.164; a field error if it cannot be read. */
    public Optional<String> optionalPhone(String field, PhoneNumbers phones) {
        return optionalString(field, 64).flatMap(raw -> {
            try {
                return Optional.of(phones.normalize(raw));
            } catch (InvalidPhoneNumberException e) {
                error(field, e.getMessage());
                return Optional.empty();
            }
        });
    }

    /** A list of phone numbers in any common format, returned in E.164; each bad one is a field error. */
    public List<String> phoneList(String field, int maxItems, PhoneNumbers phones) {
        List<String> raw = stringList(field, maxItems, 64);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            try {
                out.add(phones.normalize(raw.get(i)));
            } catch (InvalidPhoneNumberException e) {
                error(field + "[" + i + "]", e.getMessage());
            }
        }
        return out;
    }

    public String requiredPhone(String field, PhoneNumbers phones) {
        if (json.getValue(field) == null) {
            error(field, "is required");
            return null;
        }
        return optionalPhone(field, phones).orElse(null);
    }

    public Optional<String> optionalString(String field, int maxLength) {
        Object value = json.getValue(field);
        if (value == null) return Optional.empty();
        if (!(value instanceof String s)) {
            error(field, "must be a string");
            return Optional.empty();
        }
        String trimmed = s.strip();
        if (trimmed.isEmpty()) {
            error(field, "must not be empty");
            return Optional.empty();
        }
        if (trimmed.length() > maxLength) {
            error(field, "must be at most " + maxLength + " characters");
            return Optional.empty();
        }
        if (trimmed.chars().anyMatch(c -> c < 0x20 && c != '\n' && c != '\t' && c != '\r')) {
            error(field, "must not contain control characters");
            return Optional.empty();
        }
        return Optional.of(trimmed);
    }

    public <E extends Enum<E>> Optional<E> optionalEnum(String field, Class<E> type) {
        return optionalString(field, 64).flatMap(s -> {
            try {
                return Optional.of(Enum.valueOf(type, s.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                error(field, "must be one of " + names(type));
                return Optional.empty();
            }
        });
    }

    public <E extends Enum<E>> E requiredEnum(String field, Class<E> type) {
        if (json.getValue(field) == null) {
            error(field, "is required");
            return null;
        }
        return optionalEnum(field, type).orElse(null);
    }

    public Optional<LocalDate> optionalDate(String field) {
        return optionalString(field, 10).flatMap(s -> {
            try {
                return Optional.of(LocalDate.parse(s));
            } catch (DateTimeParseException e) {
                error(field, "must be a date like 2026-03-31");
                return Optional.empty();
            }
        });
    }

    public Optional<Instant> optionalInstant(String field) {
        return optionalString(field, 40).flatMap(s -> {
            try {
                return Optional.of(Instant.parse(s));
            } catch (DateTimeParseException e) {
                error(field, "must be an ISO-8601 instant like 2026-03-31T08:00:00Z");
                return Optional.empty();
            }
        });
    }

    public Optional<Long> optionalLong(String field, long min, long max) {
        Object value = json.getValue(field);
        if (value == null) return Optional.empty();
        if (!(value instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())) {
            error(field, "must be a whole number");
            return Optional.empty();
        }
        long v = n.longValue();
        if (v < min || v > max) {
            error(field, "must be between " + min + " and " + max);
            return Optional.empty();
        }
        return Optional.of(v);
    }

    public Optional<Boolean> optionalBoolean(String field) {
        Object value = json.getValue(field);
        if (value == null) return Optional.empty();
        if (!(value instanceof Boolean b)) {
            error(field, "must be true or false");
            return Optional.empty();
        }
        return Optional.of(b);
    }

    /** A list of strings; each element is checked like a string field. */
    public List<String> stringList(String field, int maxItems, int maxLength) {
        JsonArray array = array(field, maxItems);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            String name = field + "[" + i + "]";
            if (!(array.getValue(i) instanceof String s) || s.isBlank()) {
                error(name, "must be a non-empty string");
            } else if (s.length() > maxLength) {
                error(name, "must be at most " + maxLength + " characters");
            } else {
                out.add(s.strip());
            }
        }
        return out;
    }

    /** A list of objects, each read by {@code reader} with its own nested JsonInput. */
    public <T> List<T> objectList(String field, int maxItems, Function<JsonInput, T> reader) {
        JsonArray array = array(field, maxItems);
        List<T> out = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            String name = field + "[" + i + "]";
            if (!(array.getValue(i) instanceof JsonObject obj)) {
                error(name, "must be an object");
            } else {
                T item = reader.apply(new JsonInput(obj, prefix + name + ".", errors));
                if (item != null) out.add(item);
            }
        }
        return out;
    }

    public <T> Optional<T> optionalObject(String field, Function<JsonInput, T> reader) {
        Object value = json.getValue(field);
        if (value == null) return Optional.empty();
        if (!(value instanceof JsonObject obj)) {
            error(field, "must be an object");
            return Optional.empty();
        }
        return Optional.ofNullable(reader.apply(new JsonInput(obj, prefix + field + ".", errors)));
    }

    private JsonArray array(String field, int maxItems) {
        Object value = json.getValue(field);
        if (value == null) return new JsonArray();
        if (!(value instanceof JsonArray array)) {
            error(field, "must be an array");
            return new JsonArray();
        }
        if (array.size() > maxItems) {
            error(field, "must have at most " + maxItems + " items");
            return new JsonArray();
        }
        return array;
    }

    public void error(String field, String message) {
        errors.add(new FieldError(prefix + field, message));
    }

    public List<FieldError> errors() {
        return errors;
    }

    /** Throws {@link InvalidInputException} with every collected error, if any. */
    public void validate() {
        if (!errors.isEmpty()) throw new InvalidInputException(errors);
    }

    private static <E extends Enum<E>> String names(Class<E> type) {
        List<String> names = new ArrayList<>();
        for (E e : type.getEnumConstants()) names.add(e.name().toLowerCase(Locale.ROOT));
        return String.join(", ", names);
    }
}
