package io.pistonee.it.handlers;

import io.pistonee.fields.Sensitive;
import java.util.List;

/** A mutable bean that can point at another note (and so make a cycle), with a sensitive token. */
public class Note {

    private final int id;
    private final String title;
    private final String privateRemark;
    private final List<String> tags;

    @Sensitive
    private final String token;

    private Note related;

    public Note(int id, String title, String privateRemark, List<String> tags, String token) {
        this.id = id;
        this.title = title;
        this.privateRemark = privateRemark;
        this.tags = tags;
        this.token = token;
    }

    public int getId() {
        return id;
    }

    public String getTitle() {
        return title;
    }

    public String getPrivateRemark() {
        return privateRemark;
    }

    public List<String> getTags() {
        return tags;
    }

    public String getToken() {
        return token;
    }

    public Note getRelated() {
        return related;
    }

    public void setRelated(Note related) {
        this.related = related;
    }
}
