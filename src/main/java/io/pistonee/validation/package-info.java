/**
 * Validation is Bean Validation: constraints on models and inputs are checked before a handler runs,
 * and every violation is answered as one 400 problem whose {@code errors} name the fields as the
 * client wrote them ({@code created_on}, never {@code create.arg0.createdOn}).
 */
package io.pistonee.validation;
