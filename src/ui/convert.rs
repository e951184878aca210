//! The converter worker seen from the app: started the first time a file in another format is
//! imported or exported, then kept for the session.
//!
//! [`convert`] sends one job and awaits its answer; answers are matched to requests by id, so
//! several conversions may be under way at once. The worker announces itself with "ready"
//! before it listens, and requests wait in a queue until then. If the worker cannot start or
//! stops, every waiting conversion fails with [`ConvertError::Stopped`] and the next one
//! starts a fresh worker. [`ConvertError::Stopped`] says so.
//!
//! The worker's script is `convert_loader.js` beside the page (Trunk writes it), or, in the
//! single-file edition, the text of the `<script type="text/x-ironplan-worker">` element that
//! `.ci/single-file.mjs` puts in the page, run from a `blob:` URL.

use crate::model::io::convert::{
    bytes_to_text, decode_response, encode_request, ConvertError, Converted, Format, Job,
};
use crate::model::io::csv::{CsvJob, CsvPreviewResult};
use crate::model::io::ics::{IcsJob, IcsSequences};
use crate::model::io::DEFAULT_LIMITS;
use crate::store::clock::today;
use crate::store::AppError;
use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// The worker script Trunk writes beside the page.
const WORKER_SCRIPT: &str = "./convert_loader.js";

/// The id of the element holding the worker's script in the single-file edition.
const INLINE_WORKER_ID: &str = "ironplan-convert-worker";

#[derive(Default)]
struct Connection {
    worker: Option<web_sys::Worker>,
    ready: bool,
    queued: Vec<String>,
    next_id: u64,
    /// The promise resolvers of the requests still waiting for an answer, by request id (a
    /// handful at most, so a list).
    waiting: Vec<(u64, js_sys::Function)>,
    /// Answers that arrived, taken by the conversion that waits for them.
    arrived: Vec<(u64, Result<Converted, ConvertError>)>,
}

thread_local! {
    static CONNECTION: RefCell<Connection> = RefCell::new(Connection::default());
}

/// Runs `job` in the converter worker, starting the worker if it is not running.
pub async fn convert(job: Job) -> Result<Converted, ConvertError> {
    let (id, promise) = CONNECTION.with(|cell| -> Result<_, ConvertError> {
        let mut connection = cell.borrow_mut();
        if connection.worker.is_none() {
            connection.worker = Some(start_worker()?);
            connection.ready = false;
        }
        connection.next_id += 1;
        let id = connection.next_id;
        let mut resolver = None;
        let promise = js_sys::Promise::new(&mut |resolve, _reject| resolver = Some(resolve));
        connection
            .waiting
            .push((id, resolver.expect("a promise runs its executor at once")));
        let request = encode_request(id, &job);
        if connection.ready {
            post(&connection, &request);
        } else {
            connection.queued.push(request);
        }
        Ok((id, promise))
    })?;
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
    CONNECTION.with(|cell| {
        let arrived = &mut cell.borrow_mut().arrived;
        match arrived.iter().position(|(answered, _)| *answered == id) {
            Some(at) => arrived.swap_remove(at).1,
            None => Err(ConvertError::Stopped),
        }
    })
}

/// A picked or dropped file's bytes, one character per byte, for a job.
pub async fn file_bytes(file: &web_sys::File) -> Result<String, AppError> {
    DEFAULT_LIMITS.check_size(file.size() as u64)?;
    let buffer = wasm_bindgen_futures::JsFuture::from(file.array_buffer())
        .await
        .map_err(|_| AppError::FileRead("the browser could not read it".to_string()))?;
    Ok(bytes_to_text(&js_sys::Uint8Array::new(&buffer).to_vec()))
}

/// What "Map columns" shows for a CSV file and a mapping (the guessed one when `None`).
pub async fn csv_preview(job: CsvJob) -> Result<CsvPreviewResult, ConvertError> {
    match convert(Job::CsvPreview(job)).await? {
        Converted::CsvPreview(result) => Ok(result),
        _ => Err(ConvertError::Stopped),
    }
}

/// A CSV file read with the user's mapping into a project plan file.
pub async fn csv_import(job: CsvJob) -> Result<String, ConvertError> {
    match convert(Job::CsvImport(job)).await? {
        Converted::Read { plan, .. } => Ok(plan),
        _ => Err(ConvertError::Stopped),
    }
}

/// A project written as an iCalendar file, and the sequences to keep for next time.
pub async fn write_calendar(job: IcsJob) -> Result<(String, IcsSequences), ConvertError> {
    match convert(Job::WriteCalendar(job)).await? {
        Converted::Calendar { text, sequences } => Ok((text, sequences)),
        _ => Err(ConvertError::Stopped),
    }
}

/// Reads a picked or dropped file in `format` into a project plan file, in the worker: the
/// plan file's text and what did not carry over.
pub async fn read_file(
    format: Format,
    file: web_sys::File,
) -> Result<(String, Vec<String>), AppError> {
    let job = Job::Read {
        format,
        file_name: file.name(),
        bytes: file_bytes(&file).await?,
        today: today(),
    };
    match convert(job).await? {
        Converted::Read { plan, losses } => Ok((plan, losses)),
        _ => Err(ConvertError::Stopped.into()),
    }
}

/// Writes a project plan file in `format`, in the worker: the text and what it could not carry.
pub async fn write_plan(
    format: Format,
    plan: String,
) -> Result<(String, Vec<String>), ConvertError> {
    match convert(Job::Write { format, plan }).await? {
        Converted::Written { text, losses } => Ok((text, losses)),
        _ => Err(ConvertError::Stopped),
    }
}

fn post(connection: &Connection, request: &str) {
    if let Some(worker) = &connection.worker {
        let _ = worker.post_message(&JsValue::from_str(request));
    }
}

/// The worker's URL: the inline script of the single-file edition as a `blob:` URL, or the
/// loader beside the page.
fn worker_url() -> Result<String, ConvertError> {
    let inline = leptos::prelude::document()
        .get_element_by_id(INLINE_WORKER_ID)
        .and_then(|element| element.text_content());
    let Some(script) = inline else {
        return Ok(WORKER_SCRIPT.to_string());
    };
    let parts = js_sys::Array::of1(&JsValue::from_str(&script));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("text/javascript");
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)
        .map_err(|_| ConvertError::Stopped)?;
    web_sys::Url::create_object_url_with_blob(&blob).map_err(|_| ConvertError::Stopped)
}

fn start_worker() -> Result<web_sys::Worker, ConvertError> {
    let worker = web_sys::Worker::new(&worker_url()?).map_err(|_| ConvertError::Stopped)?;
    let on_message =
        Closure::<dyn Fn(web_sys::MessageEvent)>::new(|event: web_sys::MessageEvent| {
            if let Some(text) = event.data().as_string() {
                answer(&text);
            }
        });
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    let on_error = Closure::<dyn Fn(web_sys::Event)>::new(|event: web_sys::Event| {
        event.prevent_default();
        stopped();
    });
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    // The handlers live as long as the page; a restarted worker leaks two small closures.
    on_message.forget();
    on_error.forget();
    Ok(worker)
}

/// Takes in one message from the worker.
fn answer(text: &str) {
    let resolver = CONNECTION.with(|cell| {
        let mut connection = cell.borrow_mut();
        if text == "ready" {
            connection.ready = true;
            for request in std::mem::take(&mut connection.queued) {
                post(&connection, &request);
            }
            return None;
        }
        let response = decode_response(text)?;
        let at = connection
            .waiting
            .iter()
            .position(|(id, _)| *id == response.id)?;
        let (_, resolver) = connection.waiting.swap_remove(at);
        connection.arrived.push((response.id, response.result));
        Some(resolver)
    });
    if let Some(resolve) = resolver {
        let _ = resolve.call0(&JsValue::NULL);
    }
}

/// The worker failed: every waiting conversion fails, and the next one starts a new worker.
fn stopped() {
    let resolvers: Vec<js_sys::Function> = CONNECTION.with(|cell| {
        let mut connection = cell.borrow_mut();
        if let Some(worker) = connection.worker.take() {
            worker.terminate();
        }
        connection.ready = false;
        connection.queued.clear();
        connection
            .waiting
            .drain(..)
            .map(|(_, resolve)| resolve)
            .collect()
    });
    for resolve in resolvers {
        let _ = resolve.call0(&JsValue::NULL);
    }
}
