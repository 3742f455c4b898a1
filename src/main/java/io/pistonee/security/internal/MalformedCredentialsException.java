package io.pistonee.security.internal;

/** Credentials that cannot even be read: answered 401 with the message as the problem's detail. */
public class MalformedCredentialsException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public MalformedCredentialsException(String message) {
        super(message, null, false, false);
    }
}
