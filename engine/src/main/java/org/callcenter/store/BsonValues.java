package org.callcenter.store;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import org.bson.Document;

/** Small conversions between domain values and BSON documents. */
final class BsonValues {
    private BsonValues() {}

    static Date date(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }

    static Instant instant(Document d, String key) {
        Date date = d.getDate(key);
        return date == null ? null : date.toInstant();
    }

    static String day(LocalDate date) {
        return date == null ? null : date.toString();
    }

    static LocalDate localDate(Document d, String key) {
        String s = d.getString(key);
        return s == null ? null : LocalDate.parse(s);
    }

    static String name(Enum<?> e) {
        return e == null ? null : e.name().toLowerCase(Locale.ROOT);
    }

    static <E extends Enum<E>> E enumValue(Document d, String key, Class<E> type) {
        String s = d.getString(key);
        return s == null ? null : Enum.valueOf(type, s.toUpperCase(Locale.ROOT));
    }

    static List<String> strings(Document d, String key) {
        List<String> list = d.getList(key, String.class);
        return list == null ? List.of() : List.copyOf(list);
    }

    static List<Document> documents(Document d, String key) {
        List<Document> list = d.getList(key, Document.class);
        return list == null ? List.of() : list;
    }

    static long longValue(Document d, String key) {
        Number n = d.get(key, Number.class);
        return n == null ? 0 : n.longValue();
    }

    static boolean duplicateKey(com.mongodb.MongoException e) {
        return e.getCode() == 11000
                || e.getCode() == 11001
                || String.valueOf(e.getMessage()).contains("E11000");
    }
}
