package io.atsbridge.provider.greenhouse.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlEntitiesTest {

    @Test
    void decodesNamedAndNumericReferencesOnce() {
        assertThat(HtmlEntities.unescape("&lt;p&gt;Tom &amp;amp; Jerry&lt;/p&gt;")).isEqualTo("<p>Tom &amp; Jerry</p>");
        assertThat(HtmlEntities.unescape("Caf&#233; &#xE9;&#X2764; &quot;q&quot; &apos;a&apos; &nbsp;|&copy;"))
                .isEqualTo("Café é❤ \"q\" 'a' \u00a0|©");
        assertThat(HtmlEntities.unescape("&#128512;")).isEqualTo(new String(Character.toChars(0x1F600)));
    }

    @Test
    void leavesWhatIsNotACompleteKnownReference() {
        assertThat(HtmlEntities.unescape("AT&T & co; &nosuch; &#; &#xZZ; &#0; &#xD800; &lt &")).isEqualTo("AT&T & co; &nosuch; &#; &#xZZ; &#0; &#xD800; &lt &");
        assertThat(HtmlEntities.unescape("a &amp b &lt;")).isEqualTo("a &amp b <");
        assertThat(HtmlEntities.unescape(null)).isNull();
        assertThat(HtmlEntities.unescape("plain")).isEqualTo("plain");
    }

    @Test
    void doubleEscapedContentKeepsOneLevel() {
        // the Job Board doc example shows the escaping doubled: one pass must leave valid, still-escaped HTML
        assertThat(HtmlEntities.unescape("&amp;lt;p&amp;gt;")).isEqualTo("&lt;p&gt;");
    }
}
