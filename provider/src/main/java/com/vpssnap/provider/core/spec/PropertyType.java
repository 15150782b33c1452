package com.vpssnap.provider.core.spec;

/** The few shapes a vpssnap property can have. */
public sealed interface PropertyType {
    Primitive STRING = new Primitive("string");
    Primitive INTEGER = new Primitive("integer");
    Primitive BOOLEAN = new Primitive("boolean");

    record Primitive(String name) implements PropertyType {
    }

    /** A list of objects of one named shape, e.g. the snapshots a function returns. */
    record ListOfObjects(ObjectSpec element) implements PropertyType {
    }
}
