package io.sunshine.directory.boundary;

import jakarta.enterprise.context.RequestScoped;

/**
 * The detailed outcome of the sign-in attempted in this request. Jakarta Security only says
 * "invalid"; the sign-in page needs to tell a wrong password from a locked account.
 */
@RequestScoped
public class SignInOutcome {
    private SignInResult result;

    public SignInResult get() {
        return result;
    }

    void set(SignInResult result) {
        this.result = result;
    }
}
