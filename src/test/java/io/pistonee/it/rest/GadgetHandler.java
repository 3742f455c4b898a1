package io.pistonee.it.rest;

import io.pistonee.collection.Listing;
import io.pistonee.handler.Handler;
import io.pistonee.handler.ModelHandler;

/** Every default of a model handler, filterable and sortable. */
@Handler(value = "gadgets", fields = "id, code, name, price, resource_uri")
@Listing(
        filter = {"code", "name", "price"},
        sort = {"name", "price", "id"})
public class GadgetHandler extends ModelHandler<Gadget, Long> {}
