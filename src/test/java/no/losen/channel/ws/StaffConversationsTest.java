package no.losen.channel.ws;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Whose staff conversation is whose. */
class StaffConversationsTest {

    final StaffConversations owners = new StaffConversations();

    @Test
    void aConversationBelongsToTheLogInThatStartedItUntilItEnds() {
        owners.started("login-a", "token-1");
        assertThat(owners.owns("login-a", "token-1")).isTrue();
        assertThat(owners.owns("login-b", "token-1")).isFalse();
        assertThat(owners.owns(null, "token-1")).isFalse();
        owners.ended("token-1");
        assertThat(owners.owns("login-a", "token-1")).isFalse();
    }

    @Test
    void aLogOutGivesBackEveryConversationOfThatLogInAndNoOneElses() {
        owners.started("login-a", "token-1");
        owners.started("login-a", "token-2");
        owners.started("login-b", "token-3");
        assertThat(owners.loggedOut("login-a")).containsExactlyInAnyOrder("token-1", "token-2");
        assertThat(owners.loggedOut("login-a")).isEmpty();
        assertThat(owners.owns("login-b", "token-3")).isTrue();
    }
}
