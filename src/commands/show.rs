//! `relations show ACTOR…`: the profile of each actor, one after another.

use crate::cli::ShowArgs;
use crate::error::Result;
use crate::model::Dataset;
use crate::query::{ActorNames, Profile, parse_year, resolve_actor};
use crate::render::{Format, Output, ProfileView, profile_document, profile_json};

pub fn run(args: &ShowArgs, data: &Dataset, out: &mut Output) -> Result<()> {
    let as_of = args.as_of.as_deref().map(|y| parse_year(y, "--as-of")).transpose()?;
    let names = ActorNames::new(data);
    // Resolve every name first, so a typo in the third is reported before anything is printed.
    let actors = args.actors.iter().map(|q| resolve_actor(data, &names, q)).collect::<Result<Vec<_>>>()?;
    if args.certain && as_of.is_none() {
        return Err(crate::error::Error::Usage("--certain needs --as-of: without a year every event is listed".into()));
    }
    let profiles: Vec<Profile> =
        actors.into_iter().map(|a| Profile::with_options(data, a, as_of, args.certain)).collect();
    let view = ProfileView::new(args.brief, &args.sections, args.limit);
    if out.format == Format::Json {
        let values: Vec<_> = profiles.iter().map(|p| profile_json(data, p, &view)).collect();
        return match values.as_slice() {
            [one] => out.json(one),
            all => out.json(all),
        };
    }
    for (i, profile) in profiles.iter().enumerate() {
        if i > 0 && out.format == Format::Table {
            writeln!(out.out)?;
        }
        profile_document(data, profile, out.width, &view).write(out)?;
    }
    Ok(())
}
