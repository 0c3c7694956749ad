package org.callcenter.common;

import java.util.List;

/** Input that breaks the rules; answered 400 (or 422 for a well-formed but impossible change). */
public final class InvalidInputException extends RuntimeException {
    private final List<FieldError> errors;
    private final boolean unprocessable;

    public InvalidInputException(List<FieldError> errors) {
        this(errors, false);
    }

    private InvalidInputException(List<FieldError> errors, boolean unprocessable) {
        super(
                errors.isEmpty()
                        ? "invalid input"
                        : errors.get(0).field() + ": " + errors.get(0).message());
        this.errors = List.copyOf(errors);
        this.unprocessable = unprocessable;
    }

    public static InvalidInputException of(String field, String message) {
        return new InvalidInputException(List.of(new FieldError(field, message)));
    }

    /** Valid input asking for something the current state does not allow (e.g. closed → registered). */
    public static InvalidInputException unprocessable(String field, String message) {
        return new InvalidInputException(List.of(new FieldError(field, message)), true);
    }

    public List<FieldError> errors() {
        return errors;
    }

    public boolean unprocessable() {
        return unprocessable;
    }
}
