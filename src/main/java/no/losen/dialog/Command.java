package no.losen.dialog;

import java.util.List;

/** What a user can do at any point, whatever the channel. */
public sealed interface Command {

    /** Take one choice ({@code multi} false) or confirm a check list with the ids ticked. */
    record Choose(List<String> ids, boolean multi) implements Command {
        public static Choose one(String id) {
            return new Choose(List.of(id), false);
        }
    }

    record Type(String text) implements Command {
    }

    record Back() implements Command {
    }

    record Restart() implements Command {
    }

    record Lang(String lang) implements Command {
    }
}
