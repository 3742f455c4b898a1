package io.pistonee.it.handlers;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.time.LocalDate;

/** A record a handler tied to no model returns and takes. */
public record Thing(int id, @NotBlank String name, @Min(0) int stock, LocalDate addedOn) {}
