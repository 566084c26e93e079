/// A kind of conduct a policy clause covers (docs/architecture.md, "Policy packs").
public enum Behaviour: String, NamedChoice {
    case namingPupils = "naming_pupils"
    case pupilFullName = "pupil_full_name"
    case pupilFirstNameOnOwnPage = "pupil_first_name_on_own_page"
    case photoWithoutConsent = "photo_without_consent"
    case pupilImagesSwimwearOrKit = "pupil_images_swimwear_or_kit"
    case allegation
    case misplacedComplaint = "misplaced_complaint"
    case defamation
    case negativeCommentAboutIndividual = "negative_comment_about_individual"
    case cyberbullying
    case harassment
    case hateSpeech = "hate_speech"
    case threatOfViolence = "threat_of_violence"
    case grosslyObscene = "grossly_obscene"
    case abusiveLanguage = "abusive_language"
    case bringingSchoolIntoDisrepute = "bringing_school_into_disrepute"
    case confidentialInformation = "confidential_information"
    case privateMatters = "private_matters"
    case staffContactWithPupils = "staff_contact_with_pupils"
    case staffReferringToWorkplace = "staff_referring_to_workplace"
    case staffPostingPupilImages = "staff_posting_pupil_images"
    case staffReplyingAboutSchool = "staff_replying_about_school"
    case unauthorisedUseOfSchoolName = "unauthorised_use_of_school_name"
    case underageAccount = "underage_account"
    case unofficialSchoolSite = "unofficial_school_site"
    case safeguardingExtremism = "safeguarding_extremism"
    case safeguardingConcern = "safeguarding_concern"
}
