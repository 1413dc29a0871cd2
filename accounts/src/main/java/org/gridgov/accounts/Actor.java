package org.gridgov.accounts;

/** The signed-in user an account operation is for or by: the web layer's user implements it. */
public interface Actor {

    long id();

    String username();

    Role role();
}
