package org.callcenter.common;

/** One problem with one input field: {@code field} is a JSON path such as "contacts[0].phones[1]". */
public record FieldError(String field, String message) {}
