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

    /// Whether an email about it carries only the school, the kind of concern, the step, the
    /// deadline and the link, never the post's words: allegations and safeguarding concerns,
    /// as UK safeguarding systems treat them (an email cannot be unsent).
    public var isSensitive: Bool {
        switch self {
        case .allegation, .safeguardingConcern, .safeguardingExtremism: true
        default: false
        }
    }

    /// The behaviour in words a head uses, for subjects and headings; names no one.
    public var plainName: String {
        switch self {
        case .namingPupils: "Pupils named online"
        case .pupilFullName: "A pupil's full name posted"
        case .pupilFirstNameOnOwnPage: "A pupil's name on the school's page"
        case .photoWithoutConsent: "A photo of children posted without consent"
        case .pupilImagesSwimwearOrKit: "A photo of children in swimwear or kit"
        case .allegation: "An allegation posted online"
        case .misplacedComplaint: "A complaint posted online"
        case .defamation: "A possibly defamatory post"
        case .negativeCommentAboutIndividual: "A negative comment about someone at school"
        case .cyberbullying: "Online bullying"
        case .harassment: "Harassment"
        case .hateSpeech: "Hateful or racist content"
        case .threatOfViolence: "A threat of violence"
        case .grosslyObscene: "Grossly obscene content"
        case .abusiveLanguage: "Abusive language"
        case .bringingSchoolIntoDisrepute: "A post bringing the school into disrepute"
        case .confidentialInformation: "Confidential information posted"
        case .privateMatters: "Private matters posted"
        case .staffContactWithPupils: "A member of staff in contact with pupils online"
        case .staffReferringToWorkplace: "A member of staff naming the school online"
        case .staffPostingPupilImages: "A member of staff posting pupils' photos"
        case .staffReplyingAboutSchool: "A member of staff replying about the school"
        case .unauthorisedUseOfSchoolName: "The school's name used without permission"
        case .underageAccount: "An underage account"
        case .unofficialSchoolSite: "An unofficial school site"
        case .safeguardingExtremism: "An extremism concern"
        case .safeguardingConcern: "A safeguarding concern"
        }
    }
}
