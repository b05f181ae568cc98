package org.firewalldoors.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The web pages of the running distribution in headless Chromium, as the people inside the firewall use
 * them: one story in order (a rep's inquiry from refusal to completion, the pages a commercial user cannot
 * reach, oversight, an admin's module switch), on one distribution.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebPagesTest {

    static final String COMMERCIAL_QUESTION =
            "Is there data on use in children with renal impairment? It would help our market share.";
    static final String CLINICAL_QUESTION = "Is there data on use in children with renal impairment?";

    private static Distribution distribution;
    private Browser browser;

    @BeforeAll
    static void startTheDistribution() throws Exception {
        distribution = new Distribution();
        distribution.start();
    }

    @AfterAll
    static void stopTheDistribution() throws Exception {
        if (distribution != null) {
            distribution.close();
        }
    }

    @BeforeEach
    void openABrowser() throws Exception {
        browser = new Browser(distribution.base());
    }

    @AfterEach
    void closeTheBrowser() throws Exception {
        browser.close();
    }

    private void fillInquiry(String question) {
        new org.openqa.selenium.support.ui.Select(browser.find("#category")).selectByValue("OFF_LABEL_USE");
        browser.type("#product", "Cardiozan");
        browser.type("#question", question);
        browser.type("#hcpId", "hcp-4711");
        browser.type("#email", "dr.lee@example.org");
        new org.openqa.selenium.support.ui.Select(browser.find("#channel")).selectByValue("PHONE");
        browser.type("#window", "weekday mornings");
        WebElement attestation = browser.find("#unsolicited");
        if (!attestation.isSelected()) {
            attestation.click();
        }
    }

    @Test
    @Order(1)
    void aRepIsRefusedForCommercialContextFixesTheQuestionAndSucceeds() throws Exception {
        browser.signIn("rep.us");
        assertEquals(distribution.base() + "/app/rep", browser.driver.getCurrentUrl());
        assertTrue(browser.find("#who-function").getText().contains("COMMERCIAL"));
        assertTrue(browser.find("#who-region").getText().contains("US"));
        browser.find("#no-inquiries");

        fillInquiry(COMMERCIAL_QUESTION);
        browser.click("#submit-inquiry");
        String refusal = browser.waitForText("#inquiry-status", "Remove");
        assertTrue(refusal.contains("market share"), refusal);
        assertTrue(browser.find("#question").getAttribute("class").contains("refused"));
        assertEquals("market share", browser.find("#question-preview mark").getText());
        assertEquals("[]", distribution.get("/api/v1/handoffs", "rep.us").body().replaceAll(".*\"handoffs\":(\\[.*?\\]).*", "$1"),
                "a refused inquiry stores nothing");

        browser.type("#question", CLINICAL_QUESTION);
        browser.click("#submit-inquiry");
        browser.waitForText("#inquiry-status", "Sent to Medical Affairs");
        assertFalse(browser.find("#question").getAttribute("class").contains("refused"));
        assertEquals("SUBMITTED", browser.find("#inquiries tbody tr .badge").getText());
        browser.screenshot("rep");
    }
}
