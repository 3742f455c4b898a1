/**
 * Identity stores of a WAR that uses the framework jar without the example: a standard database store,
 * a store that only provides groups, an identity store bean, and {@code Accounts} that hold only OAuth
 * clients.
 */
package io.pistonee.it.stores;
