package io.pistonee.handler.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.type.TypeFactory;
import io.pistonee.collection.Page;
import jakarta.persistence.Basic;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Transient;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EagerGraphsTest {

    @Entity
    static class Person {
        @Id
        Long id;

        String name;

        @ManyToOne
        Person mentor;

        Address address;

        @Transient
        List<Person> cached;
    }

    @Embeddable
    static class Address {
        String city;
    }

    @Entity
    static class Post {
        @Id
        Long id;

        @ManyToOne
        Person author;
    }

    @Entity
    static class Team {
        @Id
        Long id;

        @OneToMany
        Set<Person> members;
    }

    @Entity
    static class Membership {
        @Id
        Long id;

        @ManyToOne(fetch = FetchType.LAZY)
        Person person;
    }

    @Entity
    static class Entry {
        @Id
        Long id;

        @ManyToOne
        Membership membership;
    }

    @Entity
    static class Document {
        @Id
        Long id;

        @Basic(fetch = FetchType.LAZY)
        byte[] body;
    }

    @Test
    void anEntityWhoseRelationsAreEagerAndWholeLoadsWhole() {
        assertThat(EagerGraphs.loadsWhole(Person.class))
                .as("itself, an embeddable, a transient list")
                .isTrue();
        assertThat(EagerGraphs.loadsWhole(Post.class)).isTrue();
    }

    @Test
    void aCollectionOrALazyAttributeAnywhereInWhatLoadsWithItDoesNot() {
        assertThat(EagerGraphs.loadsWhole(Team.class)).as("to-many").isFalse();
        assertThat(EagerGraphs.loadsWhole(Membership.class)).as("a lazy to-one").isFalse();
        assertThat(EagerGraphs.loadsWhole(Entry.class))
                .as("an eager to-one to a lazy one")
                .isFalse();
        assertThat(EagerGraphs.loadsWhole(Document.class)).as("a lazy basic").isFalse();
    }

    @Test
    void anythingButAnEntityIsNotKnownToLoadWhole() {
        assertThat(EagerGraphs.loadsWhole(Object.class)).isFalse();
        assertThat(EagerGraphs.loadsWhole(String.class)).isFalse();
    }

    @Test
    void aDeclaredResultLoadsWholeWhenItsEntityOrItsElementsDo() {
        TypeFactory types = TypeFactory.defaultInstance();

        assertThat(HandlerReader.loadsWhole(types.constructType(Post.class))).isTrue();
        assertThat(HandlerReader.loadsWhole(types.constructCollectionType(List.class, Post.class)))
                .isTrue();
        assertThat(HandlerReader.loadsWhole(types.constructParametricType(Page.class, Post.class)))
                .isTrue();
        assertThat(HandlerReader.loadsWhole(types.constructCollectionType(List.class, Team.class)))
                .isFalse();
        assertThat(HandlerReader.loadsWhole(types.constructType(Object.class))).isFalse();
    }
}
