package org.callcenter.config;

/** A configuration problem; the message names the key or file at fault. */
public final class ConfigException extends RuntimeException {
    public ConfigException(String message) {
        super(message);
    }
}
