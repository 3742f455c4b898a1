package io.pistonee.security;

import java.util.Set;

/**
 * A user or an OAuth client as {@link Accounts} knows it: its name, its stored password hash (see
 * {@link PasswordHash}) and the groups it belongs to (Piston EE maps groups to roles one to one).
 *
 * @param name the user name or client id
 * @param passwordHash the stored hash of the password or client secret
 * @param groups the groups, which are its roles
 */
public record Account(String name, String passwordHash, Set<String> groups) {

    public Account {
        groups = Set.copyOf(groups);
    }
}
