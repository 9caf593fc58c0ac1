package no.losen.channel.ws;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which staff log-in each conversation started on a staff socket belongs to. A staff conversation holds
 * what a resident told (the employee's notes), and its token sits in the browser tab: without an owner,
 * logging out in one tab left the conversation open in another, and whoever logged in next in that tab —
 * another employee too — got it back (an independent tester). So a staff conversation is resumed only
 * under the log-in that started it, and a log-out erases every conversation of that log-in, in every tab.
 *
 * <p>In memory, as the log-ins themselves are ({@code staff.StaffSessions}): a restart logs everyone out,
 * and a staff conversation from before it can no longer be resumed; the store drops it at its TTL.
 * An entry lives until its conversation ends or its log-in ends (log-out or idleness): a conversation
 * left at its TTL while its log-in lives on costs a token's few bytes until then. Nothing here is logged.
 */
final class StaffConversations {

    private final Map<String, String> ownerByToken = new ConcurrentHashMap<>();

    /** The conversation under {@code token} was started by the log-in {@code login}. */
    void started(String login, String token) {
        ownerByToken.put(token, login);
    }

    /** Whether {@code login} started the conversation under {@code token}. */
    boolean owns(String login, String token) {
        return login != null && login.equals(ownerByToken.get(token));
    }

    /** The conversation under {@code token} ended: it belongs to no one any more. */
    void ended(String token) {
        if (token != null) {
            ownerByToken.remove(token);
        }
    }

    /** The log-in {@code login} ended: the tokens of its conversations, forgotten here. */
    List<String> loggedOut(String login) {
        List<String> mine = ownerByToken.entrySet().stream().filter(e -> e.getValue().equals(login))
                .map(Map.Entry::getKey).toList();
        mine.forEach(ownerByToken::remove);
        return mine;
    }
}
