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
        Browser.requireInstalled();
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
        if (browser != null) {
            browser.close();
        }
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

    /** The row of the inquiry in a table, found by its question or by being the only one. */
    private WebElement row(String tableCss) {
        return browser.find(tableCss + " tbody tr");
    }

    @Test
    @Order(2)
    void theMslSeesTheInquiryInTheQueueAndCompletesIt() throws Exception {
        browser.signIn("msl.us");
        assertEquals(distribution.base() + "/app/msl", browser.driver.getCurrentUrl());
        assertTrue(browser.find("#who-function").getText().contains("MEDICAL"));
        browser.waitForText("#inbox-table", "New scientific inquiry (OFF_LABEL_USE)");
        WebElement inquiry = row("#queue-table");
        assertTrue(inquiry.getText().contains(CLINICAL_QUESTION), inquiry.getText());
        assertTrue(inquiry.getText().contains("hcp-4711") && inquiry.getText().contains("PHONE weekday mornings"));
        browser.click("#queue-table tbody tr button.accept");
        browser.waitForText("#queue-table tbody tr .badge", "ACCEPTED");
        browser.type("#queue-table tbody tr input.complete-notes", "Discussed the paediatric renal sub-study.");
        browser.click("#queue-table tbody tr button.complete");
        browser.waitForText("#queue-table tbody tr .badge", "COMPLETED");
        browser.type("#queue-table tbody tr input.interest-summary", "Interested in paediatric pharmacokinetics.");
        browser.click("#queue-table tbody tr button.share");
        browser.waitForText("#queue-table tbody tr", "shared: Interested in paediatric pharmacokinetics.");
        browser.screenshot("msl");
    }

    @Test
    @Order(3)
    void theRepSeesTheStatusAndTheSummaryButNotTheNotes() throws Exception {
        browser.signIn("rep.us");
        browser.waitForText("#inquiries tbody tr .badge", "COMPLETED");
        assertEquals("Interested in paediatric pharmacokinetics.", browser.find("#inquiries tbody tr .summary").getText());
        String page = browser.driver.getPageSource();
        assertFalse(page.contains("paediatric renal sub-study"), "the MSL's notes stay with Medical");
        assertFalse(page.contains(CLINICAL_QUESTION) && browser.find("#question").getAttribute("value").isEmpty()
                && page.contains("msl.us"), "nothing from Medical's view of the inquiry");
        browser.screenshot("rep");
    }

    @Test
    @Order(4)
    void aCommercialUserCannotReachTheComplianceOrMslPages() throws Exception {
        assertEquals(201, distribution.post("/api/v1/concerns", "msl.us",
                "{\"description\": \"A sales director asked me to visit the top prescribers.\"}").statusCode());
        for (String user : List.of("rep.us", "salesdir.us")) {
            browser.open("/app/signin");
            browser.type("#user", user);
            browser.type("#password", "demo");
            browser.click("#signin-button");
            browser.waitUp().until(ExpectedConditions.not(ExpectedConditions.urlContains("/app/signin")));
            for (String page : List.of("/app/msl", "/app/compliance", "/app/admin")) {
                browser.open(page);
                browser.waitForText("h2", "Not allowed");
                String source = browser.driver.getPageSource();
                for (String secret : List.of(CLINICAL_QUESTION, "hcp-4711", "paediatric", "top prescribers",
                        "queue-table", "escalations", "audit")) {
                    assertFalse(source.contains(secret), user + " sees " + secret + " on " + page);
                }
                assertEquals(403, distribution.get(page, user).statusCode(), page);
            }
            browser.driver.manage().deleteAllCookies();
        }
        // Not signed in: every role page sends to the sign-in page.
        for (String page : List.of("/app/rep", "/app/msl", "/app/compliance", "/app/admin")) {
            var response = distribution.get(page, null);
            assertEquals(302, response.statusCode(), page);
            assertTrue(response.headers().firstValue("Location").orElse("").endsWith("/app/signin"), page);
            browser.open(page);
            browser.find("#signin-form");
        }
    }

    @Test
    @Order(5)
    void theComplianceOfficerSeesEscalationsAndVerifiesTheAuditTrail() throws Exception {
        assertEquals(201, distribution.post("/api/v1/records/OutboundMessage", "msl.us", "{\"hcpId\": \"hcp-9\", "
                + "\"subject\": \"Follow-up\", \"body\": \"Our drug is BEST-IN-CLASS.\"}").statusCode());
        browser.signIn("compliance.us");
        assertEquals(distribution.base() + "/app/compliance", browser.driver.getCurrentUrl());
        browser.waitForText("#reviews-table", "us.o4.msl-promotional-claims");
        new org.openqa.selenium.support.ui.Select(browser.find("#reviews-table tbody tr select"))
                .selectByValue("IN_REVIEW");
        browser.type("#reviews-table tbody tr input", "Asked the MSL for the source of the claim.");
        browser.click("#reviews-table tbody tr button.set-status");
        browser.waitForText("#reviews-status", "Review IN_REVIEW.");
        browser.waitForText("#reviews-table tbody tr .badge", "IN_REVIEW");
        browser.waitForText("#escalations-table", "top prescribers");
        browser.waitForText("#audit-table", "us.h2.inquiry-commercial-context");
        browser.waitForText("#policies-table", "us");
        browser.click("#verify-audit");
        String verified = browser.waitForText("#verify-result", "intact");
        assertTrue(verified.matches("The audit chain is intact: \\d+ entries verified\\."), verified);
        browser.type("#escalations-table tbody tr input", "Spoke with the sales director; reminded of the firewall.");
        browser.click("#escalations-table tbody tr button.resolve");
        browser.waitForText("#escalations-status", "Escalation resolved.");
        browser.waitForText("#escalations-table", "reminded of the firewall");
        browser.click("#verify-audit");
        browser.waitForText("#verify-result", "intact");
        browser.screenshot("compliance");
    }

    @Test
    @Order(6)
    void anAdminSwitchesTheHandoffOffAndTheRepFormReportsItEvenAfterARestart() throws Exception {
        browser.signIn("admin");
        assertEquals(distribution.base() + "/app/admin", browser.driver.getCurrentUrl());
        WebElement handoff = browser.find("tr[data-region=US] input[data-module=handoff]");
        assertTrue(handoff.isSelected());
        handoff.click();
        browser.click("tr[data-region=US] button.save");
        browser.waitForText("#regions-status", "Region US saved");
        assertFalse(browser.find("tr[data-region=US] input[data-module=handoff]").isSelected());
        assertTrue(browser.find("tr[data-region=EU] input[data-module=handoff]").isSelected());
        browser.screenshot("admin");
        browser.signOut();

        browser.signIn("rep.us");
        String disabled = browser.waitForText("#module-status", "switched off");
        assertTrue(disabled.contains("region US"), disabled);
        assertEquals("true", browser.find("#inquiry-fields").getDomProperty("disabled"), "the form is disabled");
        assertFalse(browser.find("#submit-inquiry").isEnabled());
        browser.signOut();

        distribution.stop();
        distribution.start();
        browser.signIn("rep.us");
        browser.waitForText("#module-status", "switched off");
        browser.signOut();
        browser.signIn("admin");
        assertFalse(browser.find("tr[data-region=US] input[data-module=handoff]").isSelected(), "kept across restart");
        browser.find("tr[data-region=US] input[data-module=handoff]").click();
        browser.click("tr[data-region=US] button.save");
        browser.waitForText("#regions-status", "Region US saved");
        browser.signOut();
        browser.signIn("rep.us");
        browser.waitUp().until(d -> "false".equals(d.findElement(By.id("inquiry-fields")).getDomProperty("disabled")));
        assertTrue(browser.find("#submit-inquiry").isEnabled());
        assertFalse(browser.find("#inquiries").getText().isEmpty());
    }

    @Test
    @Order(7)
    void theMslCreatesAndEditsAKolProfileAndSeesItsTierWithReasons() throws Exception {
        browser.signIn("msl.us");
        browser.type("#kol-hcpId", "hcp-77");
        browser.type("#kol-name", "Dr. Ada Park");
        browser.type("#kol-specialty", "Nephrology");
        browser.type("#kol-institution", "University Hospital");
        browser.type("#kol-scientificInterests", "paediatric nephrology");
        browser.type("#kol-publications", "Renal outcomes in children, 2024\nA cohort study, 2025");
        browser.click("#kol-save");
        browser.waitForText("#kol-status", "Profile created.");
        String tier = browser.find("#kol-tier-value").getText();
        assertTrue(browser.find("#kol-reasons").getText().contains("publications: 2"), browser.find("#kol-reasons").getText());
        String id = browser.find("#kol-shown-id").getText();

        browser.type("#kol-trialRoles", "Principal investigator, RENAL-KIDS\nSteering committee, RENAL-2");
        browser.type("#kol-guidelineRoles", "Guideline panel, paediatric CKD");
        browser.click("#kol-save");
        browser.waitForText("#kol-status", "Profile saved.");
        browser.waitForText("#kol-reasons", "trial investigator roles: 2");
        assertFalse(tier.equals(browser.find("#kol-tier-value").getText()), "more scientific roles, another tier");

        browser.driver.navigate().refresh();
        browser.waitForText("#kol-table", "Dr. Ada Park");
        browser.click("button[data-kol='" + id + "']");
        browser.waitForText("#kol-reasons", "guideline roles: 1");
        assertEquals("Dr. Ada Park", browser.find("#kol-name").getAttribute("value"));

        browser.driver.navigate().refresh();
        browser.type("#kol-open-id", id);
        browser.click("#kol-open");
        browser.waitForText("#kol-reasons", "guideline roles: 1");
        assertEquals("Dr. Ada Park", browser.find("#kol-name").getAttribute("value"));
    }

    private String submitByScript(String question) throws Exception {
        var created = distribution.post("/api/v1/handoffs", "rep.us", "{\"hcpId\": \"hcp-5\", \"hcpContact\": "
                + "{\"phone\": \"555-0100\"}, \"category\": \"MECHANISM_OF_ACTION\", \"question\": \"" + question
                + "\", \"product\": \"Cardiozan\", \"preferredContact\": {\"channel\": \"VISIT\", "
                + "\"window\": \"Fridays\"}, \"unsolicited\": true}");
        assertEquals(201, created.statusCode(), created.body());
        return created.body().replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
    }

    @Test
    @Order(8)
    void theMslDeclinesWithAReasonAndSchedulesAFollowUp() throws Exception {
        String declined = submitByScript("How does the drug bind to the receptor?");
        String scheduled = submitByScript("Which enzyme metabolises the drug?");
        browser.signIn("msl.us");
        String declinedRow = "#queue-table tr[data-id='" + declined + "']";
        String scheduledRow = "#queue-table tr[data-id='" + scheduled + "']";
        browser.type(declinedRow + " input[aria-label='reason to decline']", "Answered by the published label.");
        browser.click(declinedRow + " button.decline");
        browser.waitForText(declinedRow + " .badge", "DECLINED");
        assertTrue(browser.find(declinedRow).getText().contains("declined: Answered by the published label."));

        browser.click(scheduledRow + " button.accept");
        browser.waitForText(scheduledRow + " .badge", "ACCEPTED");
        WebElement at = browser.find(scheduledRow + " input.schedule-at");
        browser.driver.executeScript("arguments[0].value = '2030-03-04T10:30'", at);
        browser.click(scheduledRow + " button.schedule");
        browser.waitForText(scheduledRow + " .badge", "SCHEDULED");
        assertTrue(browser.find(scheduledRow).getText().contains("scheduled 2030-03-04"), browser.find(scheduledRow).getText());
        browser.signOut();

        browser.signIn("rep.us");
        browser.waitForText("#inquiries", "DECLINED");
        browser.waitForText("#inquiries", "SCHEDULED");
        String page = browser.driver.getPageSource();
        assertFalse(page.contains("Answered by the published label"), "the decline reason stays with Medical");
    }

    @Test
    @Order(9)
    void theHeadOfMedicalAffairsSeesEscalationsButTheAuditTrailOnlyAsTheApiRefusesIt() throws Exception {
        browser.signIn("medhead.us");
        assertEquals(distribution.base() + "/app/compliance", browser.driver.getCurrentUrl());
        assertTrue(browser.find("#who-function").getText().contains("MEDICAL_HEAD"));
        browser.waitForText("#escalations-table", "top prescribers");
        String audit = browser.waitForText("#audit .refusal", "FORBIDDEN");
        assertFalse(browser.find("#verify-audit").isEnabled());
        assertFalse(browser.driver.getPageSource().contains("us.h2.inquiry-commercial-context"), audit);
        browser.open("/app/msl");
        browser.find("#queue-table");
    }
}
