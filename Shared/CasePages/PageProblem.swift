import HTTPTypes

/// Why a page cannot be shown or a form was not accepted: a status and a sentence for the
/// leader, shown on the problem page. Nothing was changed.
struct PageProblem: Error, CustomStringConvertible {
    var status: HTTPResponse.Status
    var title: String
    var message: String

    static func notFound() -> PageProblem {
        PageProblem(
            status: .notFound, title: "Page not found",
            message: "There is no such page, or it is not one you can see. Check the link, or go back to your cases.")
    }

    static func staleForm() -> PageProblem {
        PageProblem(
            status: .forbidden, title: "That form has expired",
            message:
                "Nothing was changed. The form was not one this browser was given, or you have signed in again since. Open the page again and try once more."
        )
    }

    var description: String { "\(status.code) \(title): \(message)" }
}
